import Database
import Synchronization

/// Loads the reference data on first use and keeps it: it only changes with a migration,
/// which comes with a new release and so a restart.
public final class ReferenceDataStore: Sendable {
    private let cached = Mutex<ReferenceData?>(nil)

    public init() {}

    public func get(_ pool: ConnectionPool) async throws -> ReferenceData {
        if let data = cached.withLock({ $0 }) { return data }
        let data = try await pool.withConnection { connection in try Self.load(connection) }
        cached.withLock { $0 = data }
        return data
    }

    static func load(_ connection: Connection) throws -> ReferenceData {
        let themes = try connection.query("SELECT code, title FROM measure_theme ORDER BY position") { row in
            ReferenceData.Theme(code: try row.decode(0), title: try row.decode(1))
        }
        let measures = try connection.query(
            """
            SELECT m.number, m.theme_code, m.title, m.summary, m.source_ref, m.source_url,
                   ARRAY(SELECT t.code FROM measure_sdg_target mt JOIN sdg_target t ON t.code = mt.target_code
                         WHERE mt.measure_number = m.number ORDER BY t.goal_number, t.position) AS targets,
                   ARRAY(SELECT ma.action_letter::text FROM measure_gcm_action ma
                         WHERE ma.measure_number = m.number ORDER BY ma.action_letter) AS actions
            FROM measure m
            ORDER BY m.number
            """
        ) { row in
            ReferenceData.Measure(
                number: try row.decode(0), themeCode: try row.decode(1), title: try row.decode(2),
                summary: try row.decode(3), sourceReference: try row.decode(4), sourceURL: try row.decode(5),
                targetCodes: try row.decode(6), actionLetters: try row.decode(7))
        }
        let targets = try connection.query(
            """
            SELECT t.code, t.goal_number, g.title, t.title
            FROM sdg_target t JOIN sdg_goal g ON g.number = t.goal_number
            ORDER BY t.goal_number, t.position
            """
        ) { row in
            ReferenceData.SDGTarget(
                code: try row.decode(0), goalNumber: try row.decode(1), goalTitle: try row.decode(2), title: try row.decode(3))
        }
        let actions = try connection.query("SELECT letter::text, title FROM gcm_action ORDER BY letter") { row in
            ReferenceData.GCMAction(letter: try row.decode(0), title: try row.decode(1))
        }
        let regions = try connection.query(
            """
            SELECT r.code::text, r.name, r.parent_code::text
            FROM un_region r LEFT JOIN un_region parent ON parent.code = r.parent_code
            ORDER BY COALESCE(parent.name, r.name), r.parent_code IS NOT NULL, r.name
            """
        ) { row in
            ReferenceData.Region(code: try row.decode(0), name: try row.decode(1), parentCode: try row.decode(2))
        }
        let countries = try connection.query(
            "SELECT iso3::text, name, region_code::text, sub_region_code::text, un_listed AND NOT uninhabited FROM country ORDER BY name"
        ) { row in
            ReferenceData.Country(
                iso3: try row.decode(0), name: try row.decode(1), regionCode: try row.decode(2), subRegionCode: try row.decode(3),
                offered: try row.decode(4))
        }
        return ReferenceData(themes: themes, measures: measures, targets: targets, actions: actions, regions: regions, countries: countries)
    }
}
