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
        var r = QueryReader(query, only: Set(Self.parameters))
        region = r.read("region", .fieldRegion) { FilterCodes.region($0, reference) }
        entityKind = r.read("kind", .fieldEntityKind, EntityKind.init(rawValue:))
        pledgeKind = r.read("pledge_kind", .fieldKind, PledgeKind.init(rawValue:))
        status = r.read("status", .fieldStatus, PledgeStatus.init(rawValue:))
        from = r.read("from", .periodFrom, FilterCodes.day)
        to = r.read("to", .periodTo, FilterCodes.day)
        if let f = from, let t = to, t < f {
            (from, to) = (nil, nil)
            r.note(.fieldPeriod)
        }
        ignored = r.ignored
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
        return "?"
            + items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: PledgeFilter.unreserved) ?? "")" }.joined(
                separator: "&")
    }

    /// A link to the pledge list showing the pledges behind a figure.
    func pledgeListLink(_ scope: (inout PledgeFilter) -> Void = { _ in }) -> String {
        let q = pledgeFilter(scope).queryString()
        return q.isEmpty ? "/pledges" : "/pledges?" + q
    }
}
