import Database
import Foundation

/// The dashboards' SQL. Every figure is aggregated in PostgreSQL: one query for a whole
/// breakdown (all countries, all measures, …), never one per row.
enum DashboardQueries {
    /// What a breakdown groups pledges by. Each case names its join and its key, as text.
    enum Dimension: Sendable {
        case all, country, measure, target, action, countryAndMeasure

        var key: SQL {
            switch self {
            case .all: "''"
            case .country: "d.country_iso3::text"
            case .measure: "d.measure_number::text"
            case .target: "d.target_code"
            case .action: "d.action_letter::text"
            case .countryAndMeasure: "d.country_iso3 || ':' || d2.measure_number"
            }
        }

        var hasCountry: Bool { self == .country || self == .countryAndMeasure }

        var join: SQL {
            switch self {
            case .all: ""
            case .country: "JOIN pledge_country d ON d.pledge_id = c.id"
            case .measure: "JOIN pledge_measure d ON d.pledge_id = c.id"
            case .target: "JOIN pledge_sdg_target d ON d.pledge_id = c.id"
            case .action: "JOIN pledge_gcm_action d ON d.pledge_id = c.id"
            case .countryAndMeasure: "JOIN pledge_country d ON d.pledge_id = c.id JOIN pledge_measure d2 ON d2.pledge_id = c.id"
            }
        }
    }

    /// The pledges that match, as the CTE `chosen`, with their milestone counts (kept on the
    /// pledge by a trigger, migration 0009); a withdrawn pledge's milestones count as none.
    private static func chosen(_ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment) -> SQL {
        """
        WITH chosen AS (
            SELECT p.id, p.status, p.last_activity_at,
                   CASE WHEN w.counted THEN p.commitment_total ELSE 0 END AS commitment_total,
                   CASE WHEN w.counted THEN p.commitment_done ELSE 0 END AS commitment_done,
                   CASE WHEN w.counted THEN p.implementation_total ELSE 0 END AS implementation_total,
                   CASE WHEN w.counted THEN p.implementation_done ELSE 0 END AS implementation_done,
                   CASE WHEN w.counted THEN p.evaluation_total ELSE 0 END AS evaluation_total,
                   CASE WHEN w.counted THEN p.evaluation_done ELSE 0 END AS evaluation_done,
                   -- open_due_dates is sorted: width_bucket counts the dates up to yesterday, i.e. overdue.
                   CASE WHEN w.counted THEN width_bucket(\(moment.today) - 1, p.open_due_dates) ELSE 0 END AS overdue
            FROM \(moment.pledges) p CROSS JOIN LATERAL (SELECT p.status <> 'withdrawn' AS counted) w
            WHERE \(filter.conditions(seesRestricted: seesRestricted))
        )
        """
    }

    /// The tally of every key of a dimension (only keys with pledges appear): from the kept
    /// cells when they hold it, else from the base tables.
    static func breakdown(
        _ dimension: Dimension, _ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, on connection: Connection
    ) throws -> [String: Tally] {
        if moment == .now, let kept = try keptBreakdown(dimension, filter, seesRestricted: seesRestricted, on: connection) {
            return kept
        }
        return try baseBreakdown(dimension, filter, seesRestricted: seesRestricted, at: moment, on: connection)
    }

    /// The breakdown counted from the base tables: any filter, any moment. The reference the
    /// kept cells are tested against.
    static func baseBreakdown(
        _ dimension: Dimension, _ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, on connection: Connection
    ) throws -> [String: Tally] {
        let rows = try connection.query(
            """
            \(chosen(filter, seesRestricted: seesRestricted, at: moment))
            SELECT \(dimension.key) AS key,
                   count(*)::int,
                   count(*) FILTER (WHERE c.status = 'planning')::int,
                   count(*) FILTER (WHERE c.status = 'in_progress')::int,
                   count(*) FILTER (WHERE c.status = 'fulfilled')::int,
                   count(*) FILTER (WHERE c.status = 'withdrawn')::int,
                   count(*) FILTER (WHERE c.status NOT IN ('fulfilled', 'withdrawn')
                                      AND c.last_activity_at < \(moment.staleBefore))::int,
                   count(*) FILTER (WHERE c.overdue > 0)::int,
                   COALESCE(sum(c.commitment_total + c.implementation_total + c.evaluation_total), 0)::int,
                   COALESCE(sum(c.commitment_done + c.implementation_done + c.evaluation_done), 0)::int,
                   COALESCE(sum(c.overdue), 0)::int,
                   COALESCE(sum(c.commitment_total), 0)::int, COALESCE(sum(c.commitment_done), 0)::int,
                   COALESCE(sum(c.implementation_total), 0)::int, COALESCE(sum(c.implementation_done), 0)::int,
                   COALESCE(sum(c.evaluation_total), 0)::int, COALESCE(sum(c.evaluation_done), 0)::int
            FROM chosen c \(dimension.join)
            \(ownKeys(dimension, filter))
            GROUP BY 1
            """
        ) { row in try keyedTally(row) }
        return Dictionary(rows, uniquingKeysWith: { a, _ in a })
    }

    /// A row of key, pledges, the four statuses, stale, with overdue, milestones, done,
    /// overdue and each stage's total and done, as both paths select them.
    private static func keyedTally(_ row: borrowing Row) throws -> (String, Tally) {
        var t = Tally()
        t.pledges = try row.decode(1)
        for (index, status) in [PledgeStatus.planning, .inProgress, .fulfilled, .withdrawn].enumerated() {
            t.byStatus[status] = try row.decode(2 + index, as: Int.self)
        }
        t.stale = try row.decode(6)
        t.withOverdue = try row.decode(7)
        t.milestones = try row.decode(8)
        t.done = try row.decode(9)
        t.overdue = try row.decode(10)
        for (index, stage) in Stage.allCases.enumerated() {
            t.stages[stage] = Tally.StageCount(total: try row.decode(11 + index * 2), done: try row.decode(12 + index * 2))
        }
        return (try row.decode(0, as: String.self), t)
    }

    // MARK: Kept cells (migration 0017)

    /// The one country, measure, target or action a filter narrows to, when that is all it
    /// does: the filters the kept cells hold. nil for any other filter (a region, a kind, a
    /// status, a period, …), which the base tables answer.
    enum Subject: Equatable {
        case none, country(String), measure(Int), target(String), action(String)

        init?(_ filter: PledgeFilter) {
            var rest = filter
            (rest.country, rest.measure, rest.target, rest.action) = (nil, nil, nil, nil)
            (rest.sort, rest.page, rest.ignored) = (PledgeFilter().sort, 1, [])
            guard rest == PledgeFilter() else { return nil }
            switch (filter.country, filter.measure, filter.target, filter.action) {
            case (nil, nil, nil, nil): self = .none
            case (let c?, nil, nil, nil): self = .country(c)
            case (nil, let m?, nil, nil): self = .measure(m)
            case (nil, nil, let t?, nil): self = .target(t)
            case (nil, nil, nil, let a?): self = .action(a)
            default: return nil
            }
        }
    }

    private static func audience(_ seesRestricted: Bool) -> String { seesRestricted ? "staff" : "public" }

    /// Which cells hold a breakdown for a subject, and how their keys read as the base path's
    /// keys; nil where no cells hold it (a target's GCM actions, say: no page shows them).
    private static func cells(_ dimension: Dimension, _ subject: Subject) -> (cells: SQL, key: SQL)? {
        let pair: SQL = "k1 || ':' || k2"
        switch (subject, dimension) {
        case (.none, .all): return ("dim = 'all'", "''")
        case (.none, .country): return ("dim = 'country'", "k1")
        case (.none, .measure): return ("dim = 'measure'", "k1")
        case (.none, .target): return ("dim = 'target'", "k1")
        case (.none, .action): return ("dim = 'action'", "k1")
        case (.none, .countryAndMeasure): return ("dim = 'matrix'", pair)
        case (.country(let c), .all): return ("dim = 'country' AND k1 = \(c)", "''")
        case (.country(let c), .country): return ("dim = 'country' AND k1 = \(c)", "k1")
        case (.country(let c), .measure): return ("dim = 'matrix' AND k1 = \(c)", "k2")
        case (.country(let c), .countryAndMeasure): return ("dim = 'matrix' AND k1 = \(c)", pair)
        case (.measure(let m), .all): return ("dim = 'measure' AND k1 = \(String(m))", "''")
        case (.measure(let m), .measure): return ("dim = 'measure' AND k1 = \(String(m))", "k1")
        case (.measure(let m), .country): return ("dim = 'matrix' AND k2 = \(String(m))", "k1")
        case (.measure(let m), .countryAndMeasure): return ("dim = 'matrix' AND k2 = \(String(m))", pair)
        case (.target(let t), .all): return ("dim = 'target' AND k1 = \(t)", "''")
        case (.target(let t), .target): return ("dim = 'target' AND k1 = \(t)", "k1")
        case (.target(let t), .measure): return ("dim = 'target_measure' AND k1 = \(t)", "k2")
        case (.target(let t), .country): return ("dim = 'target_country' AND k1 = \(t)", "k2")
        case (.country(let c), .target): return ("dim = 'target_country' AND k2 = \(c)", "k1")
        case (.action(let a), .all): return ("dim = 'action' AND k1 = \(a)", "''")
        case (.action(let a), .action): return ("dim = 'action' AND k1 = \(a)", "k1")
        default: return nil
        }
    }

    /// Whether the kept cells' overdue and stale are today's: the day they count against has
    /// been rolled to the database's today (`DashboardRollService`). Until then breakdowns
    /// read the base tables.
    static func cellsAreToday(on connection: Connection) throws -> Bool {
        try connection.queryFirst("SELECT day = current_date FROM dashboard_day") { try $0.decode(0, as: Bool.self) } ?? false
    }

    /// The breakdown read from the kept cells, or nil when they do not hold it (a filter they
    /// do not keep, or a day not rolled yet). Reads only the cells it returns.
    static func keptBreakdown(
        _ dimension: Dimension, _ filter: PledgeFilter, seesRestricted: Bool, on connection: Connection
    ) throws -> [String: Tally]? {
        guard let subject = Subject(filter), let (cells, key) = cells(dimension, subject), try cellsAreToday(on: connection) else {
            return nil
        }
        let rows = try connection.query(
            """
            SELECT \(key), pledges, planning, in_progress, fulfilled, withdrawn, stale, with_overdue, milestones, done, overdue,
                   commitment_total, commitment_done, implementation_total, implementation_done, evaluation_total, evaluation_done
            FROM dashboard_cell_now
            WHERE audience = \(audience(seesRestricted)) AND \(cells) AND pledges > 0
            """
        ) { row in try keyedTally(row) }
        return Dictionary(rows, uniquingKeysWith: { a, _ in a })
    }

    /// With a region filter, a pledge matches when one of its countries is in the region; its
    /// other countries are left out of the figures by country: `<column> IN (the region's countries)`.
    private static func inRegion(_ region: String?, _ column: SQL) -> SQL {
        guard let region else { return "" }
        return "\(column) IN (SELECT iso3 FROM country WHERE region_code = \(region) OR sub_region_code = \(region))"
    }

    /// A breakdown's `WHERE`: with a filter on its own dimension (one country, a region, one
    /// measure, target or action) a pledge's other keys are left out, so a report about Kenya
    /// counts nothing under Uganda for a pledge made for both (the report names them apart).
    private static func ownKeys(_ dimension: Dimension, _ filter: PledgeFilter) -> SQL {
        var conditions: [SQL] = []
        if dimension.hasCountry {
            if filter.region != nil { conditions.append(inRegion(filter.region, "d.country_iso3")) }
            if let country = filter.country { conditions.append("d.country_iso3 = \(country)") }
        }
        switch dimension {
        case .measure: if let measure = filter.measure { conditions.append("d.measure_number = \(measure)") }
        case .countryAndMeasure: if let measure = filter.measure { conditions.append("d2.measure_number = \(measure)") }
        case .target: if let target = filter.target { conditions.append("d.target_code = \(target)") }
        case .action: if let action = filter.action { conditions.append("d.action_letter = \(action)") }
        default: break
        }
        return conditions.isEmpty ? "" : "WHERE " + SQL.join(conditions, separator: " AND ")
    }

    /// One tally for every matching pledge.
    static func total(_ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, on connection: Connection) throws -> Tally {
        try breakdown(.all, filter, seesRestricted: seesRestricted, at: moment, on: connection)[""] ?? Tally()
    }

    struct Headline: Sendable, Equatable {
        var entities = 0
        var countries = 0
    }

    /// How many entities own, and how many countries host, the matching pledges: without a
    /// filter, the entity and country cells with pledges (not time-dependent, so read also
    /// before the day is rolled).
    static func headline(
        _ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, on connection: Connection
    ) throws -> Headline {
        if moment == .now, Subject(filter) == Subject.none {
            return try connection.queryFirst(
                """
                SELECT count(*) FILTER (WHERE dim = 'entity')::int, count(*) FILTER (WHERE dim = 'country')::int
                FROM dashboard_cell_now WHERE audience = \(audience(seesRestricted)) AND dim IN ('entity', 'country') AND pledges > 0
                """
            ) { row in Headline(entities: try row.decode(0), countries: try row.decode(1)) } ?? Headline()
        }
        return try baseHeadline(filter, seesRestricted: seesRestricted, at: moment, on: connection)
    }

    static func baseHeadline(
        _ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, on connection: Connection
    ) throws -> Headline {
        try connection.queryFirst(
            """
            SELECT count(DISTINCT p.owner_entity_id)::int,
                   (SELECT count(DISTINCT pc.country_iso3)::int FROM pledge_country pc
                    WHERE pc.pledge_id IN (SELECT p.id FROM \(moment.pledges) p WHERE \(filter.conditions(seesRestricted: seesRestricted)))
                      \(filter.region == nil ? "" : "AND " + inRegion(filter.region, "pc.country_iso3"))
                      \(filter.country.map { "AND pc.country_iso3 = \($0)" as SQL } ?? ""))
            FROM \(moment.pledges) p WHERE \(filter.conditions(seesRestricted: seesRestricted))
            """
        ) { row in Headline(entities: try row.decode(0), countries: try row.decode(1)) } ?? Headline()
    }

    /// Milestones of the matching pledges (withdrawn ones left out) by stage and status, dropped
    /// included: without a filter, the kept stage_status cells.
    static func milestonesByStageAndStatus(
        _ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, on connection: Connection
    ) throws -> [Stage: [MilestoneStatus: Int]] {
        let kept = moment == .now && Subject(filter) == Subject.none
        return try milestonesByStageAndStatus(filter, seesRestricted: seesRestricted, at: moment, kept: kept, on: connection)
    }

    static func milestonesByStageAndStatus(
        _ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, kept: Bool, on connection: Connection
    ) throws -> [Stage: [MilestoneStatus: Int]] {
        var result: [Stage: [MilestoneStatus: Int]] = [:]
        try connection.query(
            kept
                ? """
                SELECT k1, k2, milestones FROM dashboard_cell_now
                WHERE audience = \(audience(seesRestricted)) AND dim = 'stage_status' AND milestones > 0
                """
                : """
                SELECT m.stage, m.status, count(*)::int
                FROM \(moment.milestones) m JOIN \(moment.pledges) p ON p.id = m.pledge_id
                WHERE \(filter.conditions(seesRestricted: seesRestricted)) AND p.status <> 'withdrawn'
                GROUP BY 1, 2
                """
        ) { row in (try row.decode(0, as: String.self), try row.decode(1, as: String.self), try row.decode(2, as: Int.self)) }
        .forEach { stage, status, count in
            if let stage = Stage(rawValue: stage), let status = MilestoneStatus(rawValue: status) {
                result[stage, default: [:]][status] = count
            }
        }
        return result
    }

    struct MonthCount: Sendable, Equatable {
        let month: CalendarDate  // the first day of the month
        let count: Int
    }

    /// Milestones completed each month from `from` to `to` (months without any included):
    /// without a filter, summed from the kept cells of each completion day (a day, not a
    /// month, so a period ending mid-month counts as the base path does).
    static func completedByMonth(
        _ filter: PledgeFilter, from: CalendarDate, to: CalendarDate, seesRestricted: Bool, on connection: Connection
    ) throws -> [MonthCount] {
        try completedByMonth(
            filter, from: from, to: to, seesRestricted: seesRestricted, kept: Subject(filter) == Subject.none, on: connection)
    }

    static func completedByMonth(
        _ filter: PledgeFilter, from: CalendarDate, to: CalendarDate, seesRestricted: Bool, kept: Bool, on connection: Connection
    ) throws -> [MonthCount] {
        let done: SQL =
            kept
            ? """
            SELECT date_trunc('month', k1::date) AS month, sum(milestones) AS count FROM dashboard_cell_now
            WHERE audience = \(audience(seesRestricted)) AND dim = 'completed'
              AND k1 BETWEEN to_char(date_trunc('month', \(from)::date), 'YYYY-MM-DD') AND to_char(\(to)::date, 'YYYY-MM-DD')
            GROUP BY 1
            """
            : """
            SELECT date_trunc('month', m.completed_on) AS month, count(*) AS count
            FROM milestone m JOIN pledge p ON p.id = m.pledge_id
            WHERE m.status = 'done' AND m.completed_on BETWEEN date_trunc('month', \(from)::date) AND \(to)::date
              AND p.status <> 'withdrawn' AND \(filter.conditions(seesRestricted: seesRestricted))
            GROUP BY 1
            """
        return try connection.query(
            """
            SELECT month::date, COALESCE(done.count, 0)::int
            FROM generate_series(date_trunc('month', \(from)::date), date_trunc('month', \(to)::date), interval '1 month') AS month
            LEFT JOIN (
                \(done)
            ) done USING (month)
            ORDER BY month
            """
        ) { row in MonthCount(month: try row.decode(0), count: try row.decode(1)) }
    }

    struct RecentChange: Sendable {
        let at: Date
        let pledgeID: Int
        let pledgeTitle: String
        let action: String
        let milestoneTitle: String?
    }

    /// The latest changes to the matching pledges and their milestones.
    static func recentChanges(
        _ filter: PledgeFilter, seesRestricted: Bool, limit: Int = 10, language: Language = .english, on connection: Connection
    ) throws -> [RecentChange] {
        let lang = language.rawValue
        return try connection.query(
            """
            SELECT c.at, p.id, pledge_title_in(p.id, p.title, \(lang)), c.action, milestone_title_in(m.id, m.title, \(lang))
            FROM change_event c JOIN pledge p ON p.id = c.pledge_id LEFT JOIN milestone m ON m.id = c.milestone_id
            WHERE \(filter.conditions(seesRestricted: seesRestricted))
            ORDER BY c.at DESC, c.id DESC
            LIMIT \(limit)
            """
        ) { row in
            RecentChange(
                at: try row.decode(0), pledgeID: try row.decode(1), pledgeTitle: try row.decode(2),
                action: try row.decode(3), milestoneTitle: try row.decode(4))
        }
    }

    struct OverdueMilestone: Sendable {
        let pledgeID: Int
        let pledgeTitle: String
        let title: String
        let due: CalendarDate
        let status: MilestoneStatus
    }

    /// Open milestones past their due date, the longest overdue first.
    static func overdueMilestones(
        _ filter: PledgeFilter, seesRestricted: Bool, at moment: Moment = .now, limit: Int = 20, language: Language = .english,
        on connection: Connection
    ) throws -> [OverdueMilestone] {
        let lang = language.rawValue
        return try connection.query(
            """
            SELECT p.id, pledge_title_in(p.id, p.title, \(lang)), milestone_title_in(t.id, t.title, \(lang)), m.due_date, m.status
            FROM \(moment.milestones) m JOIN milestone t ON t.id = m.id JOIN \(moment.pledges) p ON p.id = m.pledge_id
            WHERE m.status NOT IN ('done', 'dropped') AND m.due_date < \(moment.today) AND p.status <> 'withdrawn'
              AND \(filter.conditions(seesRestricted: seesRestricted))
            ORDER BY m.due_date, m.id
            LIMIT \(limit)
            """
        ) { row in
            OverdueMilestone(
                pledgeID: try row.decode(0), pledgeTitle: try row.decode(1), title: try row.decode(2), due: try row.decode(3),
                status: MilestoneStatus(rawValue: try row.decode(4)) ?? .notStarted)
        }
    }
}
