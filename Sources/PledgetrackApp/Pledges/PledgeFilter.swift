import Database
import Foundation
import Hummingbird

/// The pledge list's filters, read from the query string and written back into links, so a
/// filtered list can be bookmarked and shared. Unknown values are ignored, never an error.
struct PledgeFilter: Sendable, Equatable {
    var country: String?
    var region: String?
    var entity: Int?
    var entityKind: EntityKind?
    var pledgeKind: PledgeKind?
    var measure: Int?
    var target: String?
    var action: String?
    var status: PledgeStatus?
    var stage: Stage?
    var overdue = false
    var stale = false
    /// A period: pledges whose dates overlap it (pledges without dates count).
    var from: CalendarDate?
    var to: CalendarDate?
    var query = ""
    var sort: Sort = .recent
    var page = 1

    enum Sort: String, CaseIterable, Sendable {
        case recent, title, target
    }

    static let pageSize = 25
    static let staleDays = 180

    init() {}

    init(_ q: some Sequence<(key: Substring, value: Substring)>) {
        var values: [String: String] = [:]
        for (key, value) in q { values[String(key)] = String(value) }
        func text(_ name: String) -> String? {
            guard let v = values[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty, v.count <= 200 else { return nil }
            return v
        }
        country = text("country").map { $0.uppercased() }.flatMap { $0.count == 3 && $0.allSatisfy(\.isLetter) ? $0 : nil }
        region = text("region").flatMap { $0.count == 3 && $0.allSatisfy(\.isNumber) ? $0 : nil }
        entity = text("entity").flatMap { Int($0) }
        entityKind = text("kind").flatMap(EntityKind.init(rawValue:))
        pledgeKind = text("pledge_kind").flatMap(PledgeKind.init(rawValue:))
        from = text("from").flatMap(DashboardFilter.day)
        to = text("to").flatMap(DashboardFilter.day)
        if let f = from, let t = to, t < f { (from, to) = (nil, nil) }
        measure = text("measure").flatMap { Int($0) }.flatMap { (1...20).contains($0) ? $0 : nil }
        target = text("sdg")
        action = text("gcm").flatMap { $0.count == 1 ? $0.lowercased() : nil }
        status = text("status").flatMap(PledgeStatus.init(rawValue:))
        stage = text("stage").flatMap(Stage.init(rawValue:))
        overdue = text("overdue") == "1"
        stale = text("stale") == "1"
        query = text("q") ?? ""
        sort = text("sort").flatMap(Sort.init(rawValue:)) ?? .recent
        page = text("page").flatMap { Int($0) }.map { min(max($0, 1), 10_000) } ?? 1
    }

    /// The WHERE conditions on `p` (pledge), joined with AND.
    func conditions(seesRestricted: Bool) -> SQL {
        var c: [SQL] = [PledgeAccess.visible(seesRestricted: seesRestricted)]
        if let country { c.append("EXISTS (SELECT 1 FROM pledge_country pc WHERE pc.pledge_id = p.id AND pc.country_iso3 = \(country))") }
        if let region {
            c.append(
                """
                EXISTS (SELECT 1 FROM pledge_country pc JOIN country co ON co.iso3 = pc.country_iso3
                        WHERE pc.pledge_id = p.id AND (co.region_code = \(region) OR co.sub_region_code = \(region)))
                """)
        }
        if let entity {
            c.append(
                "(p.owner_entity_id = \(entity) OR EXISTS (SELECT 1 FROM pledge_co_owner o WHERE o.pledge_id = p.id AND o.entity_id = \(entity)))"
            )
        }
        if let entityKind { c.append("EXISTS (SELECT 1 FROM entity e WHERE e.id = p.owner_entity_id AND e.kind = \(entityKind.rawValue))") }
        if let pledgeKind { c.append("p.kind = \(pledgeKind.rawValue)") }
        if let from { c.append("(p.target_date IS NULL OR p.target_date >= \(from))") }
        if let to { c.append("(p.start_date IS NULL OR p.start_date <= \(to))") }
        if let measure { c.append("EXISTS (SELECT 1 FROM pledge_measure pm WHERE pm.pledge_id = p.id AND pm.measure_number = \(measure))") }
        if let target { c.append("EXISTS (SELECT 1 FROM pledge_sdg_target pt WHERE pt.pledge_id = p.id AND pt.target_code = \(target))") }
        if let action { c.append("EXISTS (SELECT 1 FROM pledge_gcm_action pa WHERE pa.pledge_id = p.id AND pa.action_letter = \(action))") }
        if let status { c.append("p.status = \(status.rawValue)") }
        if let stage { c.append("p.current_stage = \(stage.rawValue)") }
        if overdue {
            c.append(
                """
                p.status <> 'withdrawn' AND EXISTS (SELECT 1 FROM milestone m WHERE m.pledge_id = p.id
                                                    AND m.status NOT IN ('done', 'dropped') AND m.due_date < current_date)
                """)
        }
        if stale {
            c.append("p.last_activity_at < now() - make_interval(days => \(Self.staleDays)) AND p.status NOT IN ('fulfilled', 'withdrawn')")
        }
        if !query.isEmpty { c.append("p.search @@ websearch_to_tsquery('english', \(query))") }
        return SQL.join(c, separator: " AND ")
    }

    var orderBy: SQL {
        switch sort {
        case .recent: "p.last_activity_at DESC, p.id DESC"
        case .title: "lower(p.title), p.id"
        case .target: "p.target_date NULLS LAST, p.id"
        }
    }

    /// The query string for this filter, with some fields changed (for links: next page, sort).
    func queryString(page: Int? = nil, sort: Sort? = nil) -> String {
        var items: [(String, String)] = []
        if let country { items.append(("country", country)) }
        if let region { items.append(("region", region)) }
        if let entity { items.append(("entity", String(entity))) }
        if let entityKind { items.append(("kind", entityKind.rawValue)) }
        if let pledgeKind { items.append(("pledge_kind", pledgeKind.rawValue)) }
        if let measure { items.append(("measure", String(measure))) }
        if let target { items.append(("sdg", target)) }
        if let action { items.append(("gcm", action)) }
        if let status { items.append(("status", status.rawValue)) }
        if let stage { items.append(("stage", stage.rawValue)) }
        if overdue { items.append(("overdue", "1")) }
        if stale { items.append(("stale", "1")) }
        if let from { items.append(("from", from.iso)) }
        if let to { items.append(("to", to.iso)) }
        if !query.isEmpty { items.append(("q", query)) }
        let s = sort ?? self.sort
        if s != .recent { items.append(("sort", s.rawValue)) }
        let p = page ?? self.page
        if p > 1 { items.append(("page", String(p))) }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }
}
