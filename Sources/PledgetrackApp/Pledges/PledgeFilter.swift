import Database
import Foundation
import Hummingbird

/// The pledge list's filters, read from the query string and written back into links, so a
/// filtered list can be bookmarked and shared. A value that cannot be read is left out and
/// named on the page (`ignored`), never an error.
struct PledgeFilter: Sendable, Equatable, PagedFilter {
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
    /// Only the pledges of the reader's own entities (owner or co-owner): a focal point's worklist.
    var mine = false
    /// Only pledges with an evaluation milestone in this validation state (the secretariat's
    /// queue: waiting; a focal point's: sent back).
    var validation: ValidationState?
    /// A period: pledges whose dates overlap it (pledges without dates count).
    var from: CalendarDate?
    var to: CalendarDate?
    var query = ""
    var sort: Sort = .recent
    var page = 1
    /// The filters given but not understood, as the labels the form shows.
    var ignored: [Strings.Key] = []

    enum Sort: String, CaseIterable, Sendable {
        case recent, title, target
    }

    static let pageSize = 25
    /// Days without activity after which an open pledge is stale. Migration 0017's
    /// `dashboard_pledge_now` counts with the same number (a test checks they agree).
    static let staleDays = 180

    /// What an address may carry unencoded (RFC 3986's unreserved characters), made once.
    static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    init() {}

    /// Reads the query string with `QueryReader`: a value that cannot be read (an unknown
    /// country, a measure 21, a day 2026-13-40) is left out and named in `ignored`.
    init(_ q: some Sequence<(key: Substring, value: Substring)>, reference: ReferenceData) {
        var r = QueryReader(q)
        country = r.read("country", .fieldCountry) { FilterCodes.country($0, reference) }
        region = r.read("region", .fieldRegion) { FilterCodes.region($0, reference) }
        entity = r.read("entity", .fieldEntity, FilterCodes.id)
        entityKind = r.read("kind", .fieldEntityKind, EntityKind.init(rawValue:))
        pledgeKind = r.read("pledge_kind", .fieldKind, PledgeKind.init(rawValue:))
        from = r.read("from", .periodFrom, FilterCodes.day)
        to = r.read("to", .periodTo, FilterCodes.day)
        if let f = from, let t = to, t < f {
            (from, to) = (nil, nil)
            r.note(.fieldPeriod)
        }
        measure = r.read("measure", .fieldMeasure) { FilterCodes.measure($0, reference) }
        target = r.read("sdg", .fieldSDGTarget) { FilterCodes.target($0, reference) }
        action = r.read("gcm", .fieldGCMAction) { FilterCodes.action($0, reference) }
        status = r.read("status", .fieldStatus, PledgeStatus.init(rawValue:))
        stage = r.read("stage", .fieldStage, Stage.init(rawValue:))
        overdue = r.flag("overdue", .overdueOnly)
        stale = r.flag("stale", .staleOnly)
        mine = r.flag("mine", .myPledgesOnly)
        validation = r.read("validation", .fieldValidation) { ValidationState(rawValue: $0).flatMap { $0 == .validated ? nil : $0 } }
        query = r.read("q", .searchLabel) { $0 } ?? ""
        sort = r.read("sort", .sortLabel, Sort.init(rawValue:)) ?? .recent
        page = r.read("page", .pagination, FilterCodes.page) ?? 1
        ignored = r.ignored
    }

    /// How many filters are in use (the order and the page are not filters): the "Filter"
    /// control says it, and opens when there is any.
    var activeCount: Int {
        let chosen: [Bool] = [
            country != nil, region != nil, entity != nil, entityKind != nil, pledgeKind != nil, measure != nil, target != nil,
            action != nil, status != nil, stage != nil, overdue, stale, mine, validation != nil, from != nil, to != nil,
            !query.isEmpty,
        ]
        return chosen.filter { $0 }.count
    }

    /// The WHERE conditions on `p` (pledge), joined with AND. `reader` is who reads, for
    /// `mine` (without a reader, `mine` matches nothing).
    func conditions(seesRestricted: Bool, reader: Int? = nil) -> SQL {
        var c: [SQL] = [PledgeAccess.visible(seesRestricted: seesRestricted)]
        if mine { c.append(PledgeAccess.ownedBy(reader)) }
        if let validation {
            c.append(
                """
                EXISTS (SELECT 1 FROM milestone m WHERE m.pledge_id = p.id AND m.stage = 'evaluation'
                        AND m.validation = \(validation.rawValue))
                """)
        }
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
            // 180 days before the start of today, as the dashboards count it (`Moment.staleBefore`).
            c.append("p.last_activity_at < \(Moment.now.staleBefore) AND p.status NOT IN ('fulfilled', 'withdrawn')")
        }
        if !query.isEmpty {
            // The words as written (English stems), the translations' words, and the letters as
            // typed for scripts written without spaces between words (Chinese).
            c.append(
                """
                (p.search @@ websearch_to_tsquery('english', \(query))
                 OR EXISTS (SELECT 1 FROM pledge_translation t WHERE t.pledge_id = p.id
                            AND (to_tsvector('simple', t.title || ' ' || t.description) @@ websearch_to_tsquery('simple', \(query))
                                 OR strpos(t.title, \(query)) > 0))
                 OR (\(Self.unspaced(query)) AND (strpos(p.title, \(query)) > 0 OR strpos(p.description, \(query)) > 0)))
                """)
        }
        return SQL.join(c, separator: " AND ")
    }

    var orderBy: SQL { orderBy(.english) }

    /// The list's order; titles sort as readers of `language` expect, by the title they see.
    func orderBy(_ language: Language) -> SQL {
        switch sort {
        case .recent: "p.last_activity_at DESC, p.id DESC"
        case .title where language == .english: "lower(p.title), p.id"
        case .title: "pledge_title_in(p.id, p.title, \(language.rawValue)) \(language.collate), p.id"
        case .target: "p.target_date NULLS LAST, p.id"
        }
    }

    /// Whether a search is in a script written without spaces (Chinese, Japanese): there the
    /// words cannot be told apart, so the letters are matched as typed.
    static func unspaced(_ query: String) -> Bool {
        query.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x3400...0x9FFF).contains($0.value) }
    }

    /// The filters a report applies too (`ReportRequest.filterFields`), as a query string.
    var reportQueryString: String {
        var report = PledgeFilter()
        (report.country, report.region, report.entity, report.entityKind) = (country, region, entity, entityKind)
        (report.pledgeKind, report.measure, report.target, report.action) = (pledgeKind, measure, target, action)
        (report.status, report.from, report.to) = (status, from, to)
        return report.queryString(page: 1, sort: .recent)
    }

    /// Filters only the list has: a download of this list does not apply them.
    var hasListOnlyFilters: Bool { !query.isEmpty || stage != nil || overdue || stale || mine || validation != nil }

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
        if mine { items.append(("mine", "1")) }
        if let validation { items.append(("validation", validation.rawValue)) }
        if let from { items.append(("from", from.iso)) }
        if let to { items.append(("to", to.iso)) }
        if !query.isEmpty { items.append(("q", query)) }
        let s = sort ?? self.sort
        if s != .recent { items.append(("sort", s.rawValue)) }
        let p = page ?? self.page
        if p > 1 { items.append(("page", String(p))) }
        return items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "")" }.joined(
            separator: "&")
    }
}
