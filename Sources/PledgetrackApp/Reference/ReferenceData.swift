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

    public let themes: [Theme]
    public let measures: [Measure]
    public let targets: [SDGTarget]
    public let actions: [GCMAction]

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
