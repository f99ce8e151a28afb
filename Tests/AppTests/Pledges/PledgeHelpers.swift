import Database
import Foundation
import TestSupport

@testable import PledgetrackApp

/// Pledges and milestones made directly in the database for tests.
enum Pledges {
    static func make(
        _ pool: ConnectionPool, owner: Int, title: String = "A pledge", visibility: Visibility = .public,
        countries: [String] = ["KEN"], measures: [Int] = [3]
    ) async throws -> Int {
        try await pool.transaction { connection in
            let id = try connection.queryValue(
                """
                INSERT INTO pledge (owner_entity_id, title, kind, visibility) VALUES (\(owner), \(title), 'policy', \(visibility.rawValue)) RETURNING id
                """, as: Int.self)
            try connection.execute("INSERT INTO pledge_country (pledge_id, country_iso3) SELECT \(id), unnest(\(countries)::text[])")
            try connection.execute("INSERT INTO pledge_measure (pledge_id, measure_number) SELECT \(id), unnest(\(measures)::int[])")
            return id
        }
    }

    @discardableResult
    static func milestone(
        _ pool: ConnectionPool, pledge: Int, stage: Stage = .implementation, status: MilestoneStatus = .notStarted,
        title: String = "A milestone", due: String? = nil, validation: ValidationState? = nil
    ) async throws -> Int {
        try await pool.queryValue(
            """
            INSERT INTO milestone (pledge_id, stage, position, title, status, percent_complete, completed_on, due_date, validation)
            VALUES (\(pledge), \(stage.rawValue), 1, \(title), \(status.rawValue), \(status == .done ? 100 : 0),
                    \(status == .done ? "2026-01-01" : nil)::date, \(due)::date, \(validation?.rawValue))
            RETURNING id
            """, as: Int.self)
    }

    static func status(_ pool: ConnectionPool, _ pledge: Int) async throws -> String {
        try await pool.queryValue("SELECT status FROM pledge WHERE id = \(pledge)", as: String.self)
    }
}
