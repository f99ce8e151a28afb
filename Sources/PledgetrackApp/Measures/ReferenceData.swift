/// The pledge's fixed vocabulary: themes, measures, SDG goals and targets, GCM actions.
/// Seeded by migrations and never edited in the app, so it is read once and kept in memory.
public struct ReferenceData: Sendable {
    public struct Theme: Sendable, Equatable {
        public let code: String
        public let title: String
    }

    public struct Measure: Sendable, Equatable {
        public let number: Int
        public let themeCode: String
        public let title: String
        public let summary: String
        public let sourceReference: String
        public let sourceURL: String
        public let targetCodes: [String]
        public let actionLetters: [String]
    }

    public struct SDGTarget: Sendable, Equatable {
        public let code: String
        public let goalNumber: Int
        public let goalTitle: String
        public let title: String
    }

    public struct GCMAction: Sendable, Equatable {
        public let letter: String
        public let title: String
    }

    /// A UN M49 region (no parent) or sub-region.
    public struct Region: Sendable, Equatable {
        public let code: String
        public let name: String
        public let parentCode: String?
    }

    public struct Country: Sendable, Equatable {
        public let iso3: String
        public let name: String
        public let regionCode: String?
        public let subRegionCode: String?
        /// M49 lists it and people live there (migration 0013): offered in the pickers and
        /// drawn on the tile map. Others show only where something already names them.
        public var offered: Bool = true
    }

    public let themes: [Theme]
    public let measures: [Measure]
    public let targets: [SDGTarget]
    public let actions: [GCMAction]
    /// Regions, then each one's sub-regions, by name.
    public let regions: [Region]
    /// Every country and area, by name.
    public let countries: [Country]
    private let countryIndex: [String: Int]

    public init(
        themes: [Theme], measures: [Measure], targets: [SDGTarget], actions: [GCMAction], regions: [Region] = [], countries: [Country] = []
    ) {
        self.themes = themes
        self.measures = measures
        self.targets = targets
        self.actions = actions
        self.regions = regions
        self.countries = countries
        self.countryIndex = Dictionary(countries.enumerated().map { ($1.iso3, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func country(_ iso3: String) -> Country? {
        countryIndex[iso3].map { countries[$0] }
    }

    public func region(_ code: String) -> Region? {
        regions.first { $0.code == code }
    }

    /// The top-level regions (Africa, Americas, Asia, Europe, Oceania).
    public var topRegions: [Region] { regions.filter { $0.parentCode == nil } }

    public func measure(_ number: Int) -> Measure? {
        measures.first { $0.number == number }
    }

    public func measures(in theme: Theme) -> [Measure] {
        measures.filter { $0.themeCode == theme.code }
    }

    public func theme(of measure: Measure) -> Theme? {
        themes.first { $0.code == measure.themeCode }
    }

    public func target(_ code: String) -> SDGTarget? {
        targets.first { $0.code == code }
    }

    public func action(_ letter: String) -> GCMAction? {
        actions.first { $0.letter == letter }
    }
}
