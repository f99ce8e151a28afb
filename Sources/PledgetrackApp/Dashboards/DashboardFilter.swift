import Database
import Foundation

/// The filters every dashboard shares (region, entity kind, pledge kind, status, period),
/// read from the query string and written back into every link, so a view can be bookmarked
/// and the same filters feed the pledge list and the reports. A value that cannot be read is
/// left out and named in `ignored`, so the page can say so instead of failing.
struct DashboardFilter: Sendable, Hashable {
    var region: String?
    var entityKind: EntityKind?
    var pledgeKind: PledgeKind?
    var status: PledgeStatus?
    var from: CalendarDate?
    var to: CalendarDate?
    /// The filters given but not understood, as the labels the form shows.
    var ignored: [Strings.Key] = []

    static let parameters = ["region", "kind", "pledge_kind", "status", "from", "to"]

    init() {}

    init(_ query: [(key: String, value: String)], reference: ReferenceData) {
        var values: [String: String] = [:]
        for (key, value) in query where Self.parameters.contains(key) {
            let v = value.trimmingCharacters(in: .whitespaces)
            if !v.isEmpty { values[key] = v }
        }
        func read<T>(_ name: String, _ label: Strings.Key, _ parse: (String) -> T?) -> T? {
            guard let text = values[name] else { return nil }
            if let value = text.count <= 40 ? parse(text) : nil { return value }
            ignored.append(label)
            return nil
        }
        region = read("region", .fieldRegion) { code in reference.region(code)?.code }
        entityKind = read("kind", .fieldEntityKind, EntityKind.init(rawValue:))
        pledgeKind = read("pledge_kind", .fieldKind, PledgeKind.init(rawValue:))
        status = read("status", .fieldStatus, PledgeStatus.init(rawValue:))
        from = read("from", .periodFrom, Self.day)
        to = read("to", .periodTo, Self.day)
        if let f = from, let t = to, t < f {
            (from, to) = (nil, nil)
            ignored.append(.fieldPeriod)
        }
    }

    /// A day of a year a pledge could have (1900–2200); anything else is a mistake in the address.
    static func day(_ text: String) -> CalendarDate? {
        CalendarDate(iso: text).flatMap { (1900...2200).contains($0.year) ? $0 : nil }
    }

    var isEmpty: Bool { region == nil && entityKind == nil && pledgeKind == nil && status == nil && from == nil && to == nil }

    /// The same filters as the pledge list reads them, narrowed further by `scope` (a country,
    /// a measure, a target).
    func pledgeFilter(_ scope: (inout PledgeFilter) -> Void = { _ in }) -> PledgeFilter {
        var f = PledgeFilter()
        f.region = region
        f.entityKind = entityKind
        f.pledgeKind = pledgeKind
        f.status = status
        f.from = from
        f.to = to
        scope(&f)
        return f
    }

    /// `?region=002&status=in_progress`, or "" without filters; `extra` adds or replaces parameters.
    func query(_ extra: [(String, String)] = []) -> String {
        var items: [(String, String)] = []
        if let region { items.append(("region", region)) }
        if let entityKind { items.append(("kind", entityKind.rawValue)) }
        if let pledgeKind { items.append(("pledge_kind", pledgeKind.rawValue)) }
        if let status { items.append(("status", status.rawValue)) }
        if let from { items.append(("from", from.iso)) }
        if let to { items.append(("to", to.iso)) }
        items.removeAll { item in extra.contains { $0.0 == item.0 } }
        items += extra.filter { !$0.1.isEmpty }
        guard !items.isEmpty else { return "" }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "?" + items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// A link to the pledge list showing the pledges behind a figure.
    func pledgeListLink(_ scope: (inout PledgeFilter) -> Void = { _ in }) -> String {
        let q = pledgeFilter(scope).queryString()
        return q.isEmpty ? "/pledges" : "/pledges?" + q
    }
}
