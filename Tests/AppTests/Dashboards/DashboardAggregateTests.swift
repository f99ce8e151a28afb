import Database
import Foundation
import TestSupport
import Testing

@testable import PledgetrackApp

/// The kept dashboard cells (migrations 0017 and 0019) against a recount from the base tables:
/// after seeded random writes with folds between them, with two writers and the folder at
/// once, and across a day roll. Every figure the cells serve is compared with the base path
/// for both audiences.
@Suite("Dashboard aggregates")
struct DashboardAggregateTests {
    static let countries = ["KEN", "UGA", "TZA", "ETH", "NGA", "FRA"]
    static let targets = ["5.2", "8.7", "8.8", "10.7", "16.2"]
    static let actions = ["a", "b", "c", "d", "e"]
    static let stages = ["commitment", "implementation", "evaluation"]
    static let statuses = ["not_started", "on_track", "at_risk", "delayed", "done", "dropped"]

    /// A small seeded generator (SplitMix64), so a failing sequence can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Every figure the kept cells serve, read both ways; each mismatch is reported with its place.
    static func expectKeptEqualsBase(
        _ pool: ConnectionPool, _ note: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        async throws
    {
        typealias Q = DashboardQueries
        let mismatches = try await pool.withConnection { c -> [String] in
            var wrong: [String] = []
            for staff in [false, true] {
                func filter(_ scope: (inout PledgeFilter) -> Void) -> PledgeFilter {
                    var f = PledgeFilter()
                    scope(&f)
                    return f
                }
                var filters: [PledgeFilter] = [PledgeFilter()]
                for country in countries { filters.append(filter { $0.country = country }) }
                for measure in 1...6 { filters.append(filter { $0.measure = measure }) }
                for target in targets { filters.append(filter { $0.target = target }) }
                for action in actions { filters.append(filter { $0.action = action }) }
                for f in filters {
                    for d in [Q.Dimension.all, .country, .measure, .target, .action, .countryAndMeasure] {
                        guard let kept = try Q.keptBreakdown(d, f, seesRestricted: staff, on: c) else {
                            if f == PledgeFilter() { wrong.append("\(d) without a filter not kept") }
                            continue
                        }
                        let base = try Q.baseBreakdown(d, f, seesRestricted: staff, on: c)
                        if kept != base { wrong.append("staff=\(staff) \(d) \(f.queryString()): kept \(kept) base \(base)") }
                    }
                }
                let f = PledgeFilter()
                let (keptHeadline, baseHeadline) = (
                    try Q.headline(f, seesRestricted: staff, on: c), try Q.baseHeadline(f, seesRestricted: staff, on: c)
                )
                if keptHeadline != baseHeadline { wrong.append("staff=\(staff) headline: \(keptHeadline) \(baseHeadline)") }
                let keptStages = try Q.milestonesByStageAndStatus(f, seesRestricted: staff, kept: true, on: c)
                let baseStages = try Q.milestonesByStageAndStatus(f, seesRestricted: staff, kept: false, on: c)
                if keptStages != baseStages { wrong.append("staff=\(staff) stages: \(keptStages) \(baseStages)") }
                let today = CalendarDate(dayNumber: try c.queryValue("SELECT (current_date - '1970-01-01'::date)", as: Int.self))
                for (from, to) in [(today.adding(days: -800), today), (today.adding(days: -100), today.adding(days: -40))] {
                    let kept = try Q.completedByMonth(f, from: from, to: to, seesRestricted: staff, kept: true, on: c)
                    let base = try Q.completedByMonth(f, from: from, to: to, seesRestricted: staff, kept: false, on: c)
                    if kept != base { wrong.append("staff=\(staff) completed \(from)…\(to): \(kept) \(base)") }
                }
            }
            return wrong
        }
        #expect(mismatches.isEmpty, "\(note): \(mismatches.prefix(5).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// One random write to pledges, milestones or their keys, as a writer would make it.
    static func randomWrite(_ c: Connection, _ rng: inout Seeded, entities: [Int]) throws {
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
        func some(_ xs: [String]) -> [String] { xs.filter { _ in Bool.random(using: &rng) } }
        let pledges = try c.query("SELECT id FROM pledge ORDER BY id") { try $0.decode(0, as: Int.self) }
        let milestones = try c.query("SELECT id FROM milestone ORDER BY id") { try $0.decode(0, as: Int.self) }
        switch pledges.isEmpty ? 0 : Int.random(in: 0..<13, using: &rng) {
        case 0, 1:  // a new pledge with its keys and milestones
            let id = try c.queryValue(
                """
                INSERT INTO pledge (owner_entity_id, title, kind, visibility)
                VALUES (\(pick(entities)), 'Generated', 'policy', \(Bool.random(using: &rng) ? "public" : "restricted")) RETURNING id
                """, as: Int.self)
            _ = try c.execute("INSERT INTO pledge_country SELECT \(id), unnest(\(some(countries))::text[])")
            _ = try c.execute("INSERT INTO pledge_measure SELECT \(id), unnest(\((1...6).filter { _ in Bool.random(using: &rng) })::int[])")
            _ = try c.execute("INSERT INTO pledge_sdg_target SELECT \(id), unnest(\(some(targets))::text[])")
            _ = try c.execute("INSERT INTO pledge_gcm_action SELECT \(id), unnest(\(some(actions))::text[])")
            for _ in 0..<Int.random(in: 0...3, using: &rng) { try insertMilestone(c, id, &rng) }
        case 2, 3: try insertMilestone(c, pick(pledges), &rng)
        case 4...5 where !milestones.isEmpty:  // status, due date, stage
            let status = pick(statuses)
            let due: Int? = Bool.random(using: &rng) ? nil : Int.random(in: -400...200, using: &rng)
            _ = try c.execute(
                """
                UPDATE milestone SET status = \(status), stage = \(pick(stages)), percent_complete = \(status == "done" ? 100 : 0),
                       due_date = current_date + \(due)::int,
                       completed_on = CASE WHEN \(status) = 'done' THEN current_date - \(Int.random(in: 0...700, using: &rng))::int END
                WHERE id = \(pick(milestones))
                """)
        case 6 where !milestones.isEmpty: _ = try c.execute("DELETE FROM milestone WHERE id = \(pick(milestones))")
        case 7:  // moved to another country, or another measure
            let p = pick(pledges)
            if Bool.random(using: &rng) {
                _ = try c.execute("DELETE FROM pledge_country WHERE pledge_id = \(p) AND country_iso3 = \(pick(countries))")
                _ = try c.execute("INSERT INTO pledge_country VALUES (\(p), \(pick(countries))) ON CONFLICT DO NOTHING")
            } else {
                let measure = Int.random(in: 1...6, using: &rng)
                _ = try c.execute(
                    """
                    UPDATE pledge_measure SET measure_number = \(measure)::int
                    WHERE pledge_id = \(p) AND measure_number = (SELECT min(measure_number) FROM pledge_measure WHERE pledge_id = \(p))
                      AND NOT EXISTS (SELECT 1 FROM pledge_measure WHERE pledge_id = \(p) AND measure_number = \(measure)::int)
                    """)
                _ = try c.execute("DELETE FROM pledge_sdg_target WHERE pledge_id = \(p) AND target_code = \(pick(targets))")
                _ = try c.execute("INSERT INTO pledge_gcm_action VALUES (\(p), \(pick(actions))) ON CONFLICT DO NOTHING")
            }
        case 8:
            _ = try c.execute(
                "UPDATE pledge SET visibility = CASE visibility WHEN 'public' THEN 'restricted' ELSE 'public' END WHERE id = \(pick(pledges))"
            )
        case 9:  // withdrawn, or taken back
            _ = try c.execute(
                "UPDATE pledge SET withdrawn_at = CASE WHEN withdrawn_at IS NULL THEN now() END, withdrawn_reason = 'Test' WHERE id = \(pick(pledges))"
            )
        case 10: _ = try c.execute("DELETE FROM pledge WHERE id = \(pick(pledges))")
        case 11:  // no activity for a while: stale, or just not
            _ = try c.execute(
                "UPDATE pledge SET last_activity_at = current_date - make_interval(days => \(pick([179, 180, 181, 400]))::int, hours => \(Int.random(in: -2...2, using: &rng))::int) WHERE id = \(pick(pledges))"
            )
        default: _ = try c.execute("UPDATE pledge SET owner_entity_id = \(pick(entities)) WHERE id = \(pick(pledges))")
        }
    }

    static func insertMilestone(_ c: Connection, _ pledge: Int, _ rng: inout Seeded) throws {
        let status = statuses[Int.random(in: 0..<statuses.count, using: &rng)]
        let due: Int? = Bool.random(using: &rng) ? nil : Int.random(in: -400...200, using: &rng)
        _ = try c.execute(
            """
            INSERT INTO milestone (pledge_id, stage, position, title, status, percent_complete, completed_on, due_date)
            VALUES (\(pledge), \(stages[Int.random(in: 0..<3, using: &rng)]), 1, 'Step', \(status), \(status == "done" ? 100 : 0),
                    CASE WHEN \(status) = 'done' THEN current_date - \(Int.random(in: 0...700, using: &rng))::int END,
                    current_date + \(due)::int)
            """)
    }

    static func entities(_ pool: ConnectionPool) async throws -> [Int] {
        var ids: [Int] = []
        for name in ["First", "Second", "Third"] { ids.append(try await People.entity(pool, "\(name) entity")) }
        return ids
    }

    @Test("after random writes in many transactions the kept cells equal a recount", arguments: [UInt64(19), 2026])
    func randomWrites(seed: UInt64) async throws {
        try await TestServer.withMigratedDatabase { pool in
            let entities = try await Self.entities(pool)
            for round in 0..<8 {
                for step in 0..<12 {
                    try await pool.transaction { c in
                        var rng = Seeded(state: seed &* 1000 &+ UInt64(round * 100 + step))
                        for _ in 0..<Int.random(in: 1...4, using: &rng) { try Self.randomWrite(c, &rng, entities: entities) }
                    }
                    // The folder runs between writes at its own pace: here after some of them.
                    if (seed &+ UInt64(step * 7 + round)) % 5 == 0 { try await DashboardRollService.fold(pool) }
                }
                try await Self.expectKeptEqualsBase(pool, "seed \(seed), round \(round)")
            }
            // A writer appends its change and leaves the cells alone (no writer waits on a hot
            // cell); the fold then takes every change.
            try await DashboardRollService.fold(pool)
            let allCell: SQL = "SELECT milestones FROM dashboard_cell WHERE audience = 'staff' AND dim = 'all'"
            let before = try await pool.queryValue(allCell, as: Int.self)
            let pledge = try await pool.queryValue("SELECT min(id) FROM pledge WHERE withdrawn_at IS NULL", as: Int.self)
            try await pool.execute(
                "INSERT INTO milestone (pledge_id, stage, position, title, status) VALUES (\(pledge), 'implementation', 1, 'Step', 'on_track')"
            )
            #expect(try await pool.queryValue(allCell, as: Int.self) == before, "a writer leaves the cells alone")
            #expect(try await pool.queryValue("SELECT count(*)::int FROM dashboard_delta", as: Int.self) > 0, "a writer appends")
            try await DashboardRollService.fold(pool)
            #expect(try await pool.queryValue(allCell, as: Int.self) == before + 1, "the fold adds the change")
            #expect(try await pool.queryValue("SELECT count(*)::int FROM dashboard_delta", as: Int.self) == 0, "a fold takes every change")
            try await Self.expectKeptEqualsBase(pool, "seed \(seed), all folded")
            let kept = try await pool.queryValue("SELECT count(*)::int FROM dashboard_cell_now WHERE pledges > 0", as: Int.self)
            #expect(kept > 50, "the sequence made cells to compare")
        }
    }

    @Test("two writers on the same pledges at once: no deadlock, figures right")
    func concurrentWriters() async throws {
        try await TestServer.withMigratedDatabase(poolSize: 4) { pool in
            let entities = try await Self.entities(pool)
            var pledges: [Int] = []
            for i in 0..<4 {
                pledges.append(try await Pledges.make(pool, owner: entities[i % 3], countries: ["KEN", "UGA"], measures: [1, 2]))
            }
            let shared = pledges
            // Each transaction adds a milestone to one pledge (locking its row) and moves another
            // between countries (not locking it), in opposite orders in the two writers, so
            // both commit with overlapping pledges and the same hot cells.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<2 {
                    group.addTask {
                        for i in 0..<25 {
                            try await pool.transaction { c in
                                let (a, b) = writer == 0 ? (shared[i % 4], shared[(i + 1) % 4]) : (shared[(i + 1) % 4], shared[i % 4])
                                let stage = Self.stages[i % 3]
                                _ = try c.execute(
                                    """
                                    INSERT INTO milestone (pledge_id, stage, position, title, status, percent_complete, completed_on, due_date)
                                    VALUES (\(a), \(stage), 1, 'Step', \(i % 2 == 0 ? "done" : "on_track"), \(i % 2 == 0 ? 100 : 0),
                                            CASE WHEN \(i % 2)::int = 0 THEN current_date END, current_date - \(i % 5)::int)
                                    """)
                                let country = Self.countries[(i + writer) % Self.countries.count]
                                _ = try c.execute("INSERT INTO pledge_country VALUES (\(b), \(country)) ON CONFLICT DO NOTHING")
                                _ = try c.execute(
                                    "DELETE FROM pledge_country WHERE pledge_id = \(b) AND country_iso3 = \(Self.countries[(i + 3) % 6]) AND country_iso3 <> 'KEN'"
                                )
                            }
                        }
                    }
                }
                group.addTask {  // the folder, while both write
                    for _ in 0..<40 {
                        try await DashboardRollService.fold(pool)
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                try await group.waitForAll()
            }
            try await Self.expectKeptEqualsBase(pool, "two writers")
            try await DashboardRollService.fold(pool)
            try await Self.expectKeptEqualsBase(pool, "two writers, all folded")
            #expect(
                try await pool.queryValue("SELECT pledges FROM dashboard_cell_now WHERE audience = 'staff' AND dim = 'all'", as: Int.self)
                    == 4)
        }
    }

    @Test("until the day is rolled the base tables answer; the roll recounts overdue and stale")
    func dayRoll() async throws {
        try await TestServer.withMigratedDatabase { pool in
            let entities = try await Self.entities(pool)
            let p = try await Pledges.make(pool, owner: entities[0], countries: ["KEN"], measures: [3])
            // Overdue from today (due yesterday), and stale from today (180 days and an hour
            // before the start of today): neither as of yesterday.
            try await Pledges.milestone(pool, pledge: p, stage: .implementation, status: .onTrack, due: nil)
            try await pool.execute("UPDATE milestone SET due_date = current_date - 1 WHERE pledge_id = \(p)")
            try await pool.execute("UPDATE pledge SET last_activity_at = current_date - interval '180 days 1 hour' WHERE id = \(p)")
            // The cells as they stood yesterday, not rolled since.
            try await pool.execute("UPDATE dashboard_day SET day = current_date - 1")
            try await pool.withConnection { c in _ = try c.execute("SELECT dashboard_recount()") }
            let q = try await pool.withConnection { c in
                (
                    try DashboardQueries.keptBreakdown(.all, PledgeFilter(), seesRestricted: false, on: c),
                    try DashboardQueries.total(PledgeFilter(), seesRestricted: false, on: c)
                )
            }
            #expect(q.0 == nil, "cells of yesterday are not read")
            #expect(q.1.overdue == 1 && q.1.withOverdue == 1 && q.1.stale == 1, "the base tables count today: \(q.1)")
            let yesterday = try await pool.queryValue(
                "SELECT overdue * 10 + stale FROM dashboard_cell_now WHERE audience = 'public' AND dim = 'all'", as: Int.self)
            #expect(yesterday == 0, "the kept cells counted as of yesterday")
            // A write before the roll applies against yesterday (one that leaves the pledge's
            // activity alone); the roll then recounts.
            try await pool.execute("INSERT INTO pledge_gcm_action VALUES (\(p), 'a')")
            #expect(try await DashboardRollService.roll(pool))
            #expect(try await DashboardRollService.roll(pool) == false, "rolled once a day")
            let kept = try await pool.withConnection { c in
                try DashboardQueries.keptBreakdown(.all, PledgeFilter(), seesRestricted: false, on: c)?[""]
            }
            #expect(kept?.overdue == 1 && kept?.stale == 1, "\(String(describing: kept))")
            let action = try await pool.withConnection { c in
                try DashboardQueries.keptBreakdown(.action, PledgeFilter(), seesRestricted: false, on: c)?["a"]?.pledges
            }
            #expect(action == 1)
            try await Self.expectKeptEqualsBase(pool, "after the roll")
        }
    }

    @Test("the cells count stale with the pledge list's number of days")
    func staleDays() async throws {
        try await TestServer.withMigratedDatabase { pool in
            let source = try await pool.queryValue("SELECT prosrc FROM pg_proc WHERE proname = 'dashboard_pledge_rows'", as: String.self)
            #expect(source.contains("make_interval(days => \(PledgeFilter.staleDays))"))
        }
    }
}
