import Database
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("The benchmark's data set")
struct LargeDataSetTests {
    static func fingerprint(_ pool: ConnectionPool) async throws -> String {
        try await pool.queryValue(
            """
            SELECT md5(string_agg(p.title || p.status || COALESCE(p.current_stage, '') || p.visibility, ',' ORDER BY p.grf_id))
                || (SELECT md5(string_agg(m.title || m.status || m.stage, ',' ORDER BY p2.grf_id, m.stage, m.position))
                    FROM milestone m JOIN pledge p2 ON p2.id = m.pledge_id)
            FROM pledge p
            """, as: String.self)
    }

    @Test("it is the same every time, with milestones in every stage and status, history, and members for every entity")
    func deterministic() async throws {
        var size = LargeDataSet.Size()
        size.entities = 12
        size.users = 30
        size.pledges = 40
        size.panels = 3
        size.panelMembers = 30
        size.feedback = 200
        let hash = try await People.passwordHash.value
        let first = try await TestServer.withMigratedDatabase { pool in
            #expect(try await LargeDataSet.load(size, passwordHash: hash, on: pool))
            #expect(try await !LargeDataSet.load(size, passwordHash: hash, on: pool), "never loads twice")
            #expect(try await pool.queryValue("SELECT count(*)::int FROM pledge", as: Int.self) == 40)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM milestone", as: Int.self) == 240)
            #expect(try await pool.queryValue("SELECT count(DISTINCT stage)::int FROM milestone", as: Int.self) == 3)
            #expect(try await pool.queryValue("SELECT count(DISTINCT status)::int FROM milestone", as: Int.self) == 6)
            #expect(try await pool.queryValue("SELECT count(DISTINCT status)::int FROM pledge", as: Int.self) == 3)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM change_event WHERE milestone_id IS NOT NULL", as: Int.self) > 0)
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM entity e WHERE NOT EXISTS (SELECT 1 FROM entity_member m WHERE m.entity_id = e.id)",
                    as: Int.self) == 0)
            return try await Self.fingerprint(pool)
        }
        let second = try await TestServer.withMigratedDatabase { pool in
            _ = try await LargeDataSet.load(size, passwordHash: hash, on: pool)
            return try await Self.fingerprint(pool)
        }
        #expect(first == second)
    }
}
