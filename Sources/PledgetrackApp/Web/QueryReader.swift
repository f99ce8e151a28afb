import Database
import Foundation

/// How every page reads its query string: the first value given for a name, trimmed, empty
/// meaning "not given", and at most `maxLength` characters (a longer one is not understood).
/// `read` parses one value; a value that is given but cannot be read is left out and its
/// filter's label is kept in `ignored`, so the page can say which filter it ignored. That
/// is the policy for a bad value on every page that filters; the report form, where a bad
/// value stops the download, keeps its own per-field messages.
struct QueryReader {
    static let maxLength = 200

    private var values: [String: String] = [:]
    /// The labels of the filters given but not understood, in the order they were read.
    private(set) var ignored: [Strings.Key] = []

    init(_ query: some Sequence<(key: Substring, value: Substring)>, only names: Set<String>? = nil) {
        for (key, value) in query {
            let name = String(key)
            guard names?.contains(name) ?? true, values[name] == nil else { continue }
            values[name] = String(value).trimmingCharacters(in: .whitespaces)
        }
    }

    init(_ query: [(key: String, value: String)], only names: Set<String>? = nil) {
        self.init(query.map { (key: Substring($0.key), value: Substring($0.value)) }, only: names)
    }

    /// The text given for `name`, or nil when it was not given (or empty). Too long: not understood.
    func text(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// Whether `name` was given at all, empty or not (a form sends its empty fields).
    func has(_ name: String) -> Bool { values[name] != nil }

    /// The value of `name` parsed; nil when it was not given, or (noted in `ignored`) when it
    /// cannot be read.
    mutating func read<T>(_ name: String, _ label: Strings.Key, _ parse: (String) -> T?) -> T? {
        guard let text = text(name) else { return nil }
        if text.length <= Self.maxLength, let value = parse(text) { return value }
        note(label)
        return nil
    }

    /// A flag: "1" is on; anything else given is ignored and named.
    mutating func flag(_ name: String, _ label: Strings.Key) -> Bool {
        read(name, label) { $0 == "1" ? true : nil } ?? false
    }

    /// Notes a filter as ignored (once), for checks across fields (a period that ends before it starts).
    mutating func note(_ label: Strings.Key) {
        if !ignored.contains(label) { ignored.append(label) }
    }
}

/// The codes the filters read, each checked once here: against the reference data where there
/// is a list (countries, regions, measures, SDG targets, GCM actions), by form where not.
enum FilterCodes {
    static func country(_ text: String, _ reference: ReferenceData) -> String? { reference.country(text.uppercased())?.iso3 }
    static func region(_ text: String, _ reference: ReferenceData) -> String? { reference.region(text)?.code }
    static func measure(_ text: String, _ reference: ReferenceData) -> Int? { Int(text).flatMap { reference.measure($0)?.number } }
    static func target(_ text: String, _ reference: ReferenceData) -> String? { reference.target(text)?.code }
    static func action(_ text: String, _ reference: ReferenceData) -> String? { reference.action(text.lowercased())?.letter }

    /// A day of a year a pledge could have (1900–2200); anything else is a mistake in the address.
    static func day(_ text: String) -> CalendarDate? {
        CalendarDate(iso: text).flatMap { (1900...2200).contains($0.year) ? $0 : nil }
    }

    /// An id: a positive whole number.
    static func id(_ text: String) -> Int? { Int(text).flatMap { $0 > 0 ? $0 : nil } }

    /// A page number of a list: 1 to 10,000 (a page past the last shows the last).
    static func page(_ text: String) -> Int? { Int(text).flatMap { (1...10_000).contains($0) ? $0 : nil } }
}

/// A paged list's filter: its page, and the filters it could not use.
protocol PagedFilter {
    var page: Int { get set }
    var ignored: [Strings.Key] { get set }
}

extension PagedFilter {
    /// Reads this filter's page with `list`. A page past the last is a filter that cannot be
    /// used: it is named in `ignored` and the first page is read instead.
    func readingPage<Item>(
        _ list: (Self) throws -> (items: [Item], total: Int)
    ) rethrows -> (filter: Self, items: [Item], total: Int) {
        let (items, total) = try list(self)
        guard items.isEmpty, page > 1 else { return (self, items, total) }
        var first = self
        first.page = 1
        first.ignored.append(.pagination)
        let (firstItems, firstTotal) = try list(first)
        return (first, firstItems, firstTotal)
    }
}
