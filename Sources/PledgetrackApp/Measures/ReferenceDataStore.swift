import Database
import Synchronization

/// Loads the reference data in a language on first use and keeps it: it only changes with a
/// migration, which comes with a new release and so a restart. Names and titles come in the
/// reader's language (migration 0015), English where a translation is missing, and lists of
/// names are sorted the way that language sorts.
public final class ReferenceDataStore: Sendable {
    private let cached = Mutex<[Language: ReferenceData]>([:])

    public init() {}

    public func get(_ pool: ConnectionPool, _ language: Language = .english) async throws -> ReferenceData {
        if let data = cached.withLock({ $0[language] }) { return data }
        let data = try await pool.withConnection { connection in try Self.load(connection, language) }
        cached.withLock { $0[language] = data }
        return data
    }

    static func load(_ connection: Connection, _ language: Language = .english) throws -> ReferenceData {
        let lang = language.rawValue
        let themes = try connection.query(
            """
            SELECT t.code, COALESCE(tt.title, t.title) FROM measure_theme t
            LEFT JOIN measure_theme_translation tt ON tt.code = t.code AND tt.language = \(lang)
            ORDER BY t.position
            """
        ) { row in
            ReferenceData.Theme(code: try row.decode(0), title: try row.decode(1))
        }
        let measures = try connection.query(
            """
            SELECT m.number, m.theme_code, COALESCE(mt.title, m.title), COALESCE(mt.summary, m.summary), m.source_ref, m.source_url,
                   ARRAY(SELECT t.code FROM measure_sdg_target mt JOIN sdg_target t ON t.code = mt.target_code
                         WHERE mt.measure_number = m.number ORDER BY t.goal_number, t.position) AS targets,
                   ARRAY(SELECT ma.action_letter::text FROM measure_gcm_action ma
                         WHERE ma.measure_number = m.number ORDER BY ma.action_letter) AS actions
            FROM measure m LEFT JOIN measure_translation mt ON mt.number = m.number AND mt.language = \(lang)
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
            SELECT t.code, t.goal_number, COALESCE(gt.title, g.title), COALESCE(tt.title, t.title)
            FROM sdg_target t JOIN sdg_goal g ON g.number = t.goal_number
            LEFT JOIN sdg_goal_translation gt ON gt.number = g.number AND gt.language = \(lang)
            LEFT JOIN sdg_target_translation tt ON tt.code = t.code AND tt.language = \(lang)
            ORDER BY t.goal_number, t.position
            """
        ) { row in
            ReferenceData.SDGTarget(
                code: try row.decode(0), goalNumber: try row.decode(1), goalTitle: try row.decode(2), title: try row.decode(3))
        }
        let actions = try connection.query(
            """
            SELECT a.letter::text, COALESCE(at.title, a.title) FROM gcm_action a
            LEFT JOIN gcm_action_translation at ON at.letter = a.letter AND at.language = \(lang)
            ORDER BY a.letter
            """
        ) { row in
            ReferenceData.GCMAction(letter: try row.decode(0), title: try row.decode(1))
        }
        let regions = try connection.query(
            """
            WITH named AS (
                SELECT r.code, COALESCE(n.name, r.name) AS name, r.parent_code
                FROM un_region r LEFT JOIN un_region_name n ON n.code = r.code AND n.language = \(lang)
            )
            SELECT r.code::text, r.name, r.parent_code::text
            FROM named r LEFT JOIN named parent ON parent.code = r.parent_code
            ORDER BY COALESCE(parent.name, r.name) \(language.collate), r.parent_code IS NOT NULL, r.name \(language.collate)
            """
        ) { row in
            ReferenceData.Region(code: try row.decode(0), name: try row.decode(1), parentCode: try row.decode(2))
        }
        let countries = try connection.query(
            """
            SELECT c.iso3::text, COALESCE(n.name, c.name), c.region_code::text, c.sub_region_code::text,
                   c.un_listed AND NOT c.uninhabited
            FROM country c LEFT JOIN country_name n ON n.iso3 = c.iso3 AND n.language = \(lang)
            ORDER BY COALESCE(n.name, c.name) \(language.collate)
            """
        ) { row in
            ReferenceData.Country(
                iso3: try row.decode(0), name: try row.decode(1), regionCode: try row.decode(2), subRegionCode: try row.decode(3),
                offered: try row.decode(4))
        }
        return ReferenceData(themes: themes, measures: measures, targets: targets, actions: actions, regions: regions, countries: countries)
    }
}
