import Database
import Foundation

/// Pledges as the list and the pledge page read them. One query per list page (counts and
/// names come with it), a few per pledge page; never one per row.
enum PledgeQueries {
    struct ListItem: Sendable {
        let id: Int
        let title: String
        let owner: String
        let countries: [String]
        let status: PledgeStatus
        let stage: Stage?
        let milestonesDone: Int
        let milestonesTotal: Int
        let overdue: Int
        let lastActivity: Date
        let restricted: Bool
    }

    /// `list`, except that a page past the last is named as left out and the first page read
    /// (`PagedFilter.readingPage`).
    static func listPage(
        _ filter: PledgeFilter, seesRestricted: Bool, reader: Int?, language: Language = .english, on connection: Connection
    ) throws -> (filter: PledgeFilter, items: [ListItem], total: Int) {
        try filter.readingPage { try list($0, seesRestricted: seesRestricted, reader: reader, language: language, on: connection) }
    }

    static func list(
        _ filter: PledgeFilter, seesRestricted: Bool, reader: Int? = nil, language: Language = .english, on connection: Connection
    ) throws -> (items: [ListItem], total: Int) {
        let conditions = filter.conditions(seesRestricted: seesRestricted, reader: reader)
        let total = try connection.queryValue("SELECT count(*)::int FROM pledge p WHERE \(conditions)", as: Int.self)
        return (try items(filter, seesRestricted: seesRestricted, reader: reader, language: language, on: connection), total)
    }

    /// One page of the list without counting the matches (a dashboard shows the first page
    /// and its figures say how many there are).
    static func items(
        _ filter: PledgeFilter, seesRestricted: Bool, reader: Int? = nil, language: Language = .english, on connection: Connection
    ) throws -> [ListItem] {
        let lang = language.rawValue
        let conditions = filter.conditions(seesRestricted: seesRestricted, reader: reader)
        // The page's pledges first, then names and counts for those 25 only (an OFFSET would
        // otherwise compute them for every row it skips).
        return try connection.query(
            """
            WITH page AS (
                SELECT p.id, p.title, p.owner_entity_id, p.status, p.current_stage, p.last_activity_at, p.visibility, p.target_date
                FROM pledge p
                WHERE \(conditions)
                ORDER BY \(filter.orderBy(language))
                LIMIT \(PledgeFilter.pageSize) OFFSET \((filter.page - 1) * PledgeFilter.pageSize)
            )
            SELECT p.id, pledge_title_in(p.id, p.title, \(lang)), e.name,
                   ARRAY(SELECT country_name_in(c.iso3, c.name, \(lang)) FROM pledge_country pc JOIN country c ON c.iso3 = pc.country_iso3
                         WHERE pc.pledge_id = p.id ORDER BY country_name_in(c.iso3, c.name, \(lang)) \(language.collate)),
                   p.status, p.current_stage, m.done, m.total, m.overdue, p.last_activity_at, p.visibility = 'restricted'
            FROM page p
            JOIN entity e ON e.id = p.owner_entity_id
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE status = 'done')::int AS done,
                       count(*) FILTER (WHERE status <> 'dropped')::int AS total,
                       count(*) FILTER (WHERE p.status <> 'withdrawn' AND status NOT IN ('done', 'dropped') AND due_date < current_date)::int AS overdue
                FROM milestone WHERE pledge_id = p.id
            ) m
            ORDER BY \(filter.orderBy(language))
            """
        ) { row in
            ListItem(
                id: try row.decode(0), title: try row.decode(1), owner: try row.decode(2), countries: try row.decode(3),
                status: PledgeStatus(rawValue: try row.decode(4)) ?? .planning,
                stage: try row.decode(5, as: String?.self).flatMap(Stage.init(rawValue:)),
                milestonesDone: try row.decode(6), milestonesTotal: try row.decode(7), overdue: try row.decode(8),
                lastActivity: try row.decode(9), restricted: try row.decode(10))
        }
    }

    struct Pledge: Sendable {
        let id: Int
        let title: String
        let description: String
        let grfID: String?
        let kind: PledgeKind
        let ownerID: Int
        let ownerName: String
        let coOwners: [(id: Int, name: String)]
        let countries: [(iso3: String, name: String)]
        let measures: [Int]
        let targets: [String]
        let actions: [String]
        let startDate: CalendarDate?
        let targetDate: CalendarDate?
        let visibility: Visibility
        let status: PledgeStatus
        let withdrawnReason: String?
        let version: Int
        let lastActivity: Date
        /// The language it was written in, and its title and description in the reader's
        /// language when someone translated them.
        var language: Language = .english
        var translation: (title: String, description: String)? = nil

        /// What the reader sees: the translation when there is one, else the original.
        var shownTitle: String { translation?.title ?? title }
        var shownDescription: String { translation.map { $0.description.isEmpty ? description : $0.description } ?? description }

        var coOwnerIDs: Set<Int> { Set(coOwners.map(\.id)) }
    }

    struct Milestone: Sendable {
        let id: Int
        let pledgeID: Int
        let stage: Stage
        let position: Int
        let title: String
        let dueDate: CalendarDate?
        let status: MilestoneStatus
        let percent: Int
        let completedOn: CalendarDate?
        let notes: String
        let validation: ValidationState?
        let validationReason: String?
        let version: Int
        let evidence: [Evidence]

        func isOverdue(today: CalendarDate) -> Bool { status.isOpen && (dueDate.map { $0 < today } ?? false) }
        /// Its title in the reader's language, when someone translated it (pages only).
        var translatedTitle: String? = nil
        var shownTitle: String { translatedTitle ?? title }
    }

    struct Evidence: Sendable, Codable, Equatable {
        let title: String
        let url: String
    }

    struct Change: Sendable {
        let at: Date
        let actor: String?
        let action: String
        let milestoneTitle: String?
        let why: String
        let changes: [FieldChange]
    }

    struct FieldChange: Sendable, Codable, Equatable {
        let field: String
        let old: String
        let new: String
    }

    static func pledge(_ id: Int, reader: SignedInUser?, language: Language = .english, on connection: Connection) throws -> Pledge? {
        try pledge(id, seesRestricted: PledgeAccess.seesRestricted(reader), language: language, on: connection)
    }

    /// A pledge as written, with its translation into `language` when it has one.
    static func pledge(_ id: Int, seesRestricted: Bool, language: Language = .english, on connection: Connection) throws -> Pledge? {
        let lang = language.rawValue
        return try connection.queryFirst(
            """
            SELECT p.id, p.title, p.description, p.grf_id, p.kind, p.owner_entity_id, e.name,
                   ARRAY(SELECT o.entity_id FROM pledge_co_owner o JOIN entity x ON x.id = o.entity_id WHERE o.pledge_id = p.id ORDER BY x.name),
                   ARRAY(SELECT x.name FROM pledge_co_owner o JOIN entity x ON x.id = o.entity_id WHERE o.pledge_id = p.id ORDER BY x.name),
                   ARRAY(SELECT c.iso3::text FROM pledge_country pc JOIN country c ON c.iso3 = pc.country_iso3 WHERE pc.pledge_id = p.id
                         ORDER BY country_name_in(c.iso3, c.name, \(lang)) \(language.collate)),
                   ARRAY(SELECT country_name_in(c.iso3, c.name, \(lang)) FROM pledge_country pc JOIN country c ON c.iso3 = pc.country_iso3
                         WHERE pc.pledge_id = p.id ORDER BY country_name_in(c.iso3, c.name, \(lang)) \(language.collate)),
                   ARRAY(SELECT measure_number::int FROM pledge_measure WHERE pledge_id = p.id ORDER BY 1),
                   ARRAY(SELECT target_code FROM pledge_sdg_target WHERE pledge_id = p.id ORDER BY 1),
                   ARRAY(SELECT action_letter::text FROM pledge_gcm_action WHERE pledge_id = p.id ORDER BY 1),
                   p.start_date, p.target_date, p.visibility, p.status, p.withdrawn_reason, p.version, p.last_activity_at,
                   p.language, t.title, t.description
            FROM pledge p JOIN entity e ON e.id = p.owner_entity_id
            LEFT JOIN pledge_translation t ON t.pledge_id = p.id AND t.language = \(lang) AND p.language <> \(lang)
            WHERE p.id = \(id) AND \(PledgeAccess.visible(seesRestricted: seesRestricted))
            """
        ) { row in
            let coIDs: [Int] = try row.decode(7), coNames: [String] = try row.decode(8)
            let isos: [String] = try row.decode(9), names: [String] = try row.decode(10)
            let translatedTitle: String? = try row.decode(22), translatedDescription: String? = try row.decode(23)
            return Pledge(
                id: try row.decode(0), title: try row.decode(1), description: try row.decode(2), grfID: try row.decode(3),
                kind: PledgeKind(rawValue: try row.decode(4)) ?? .policy, ownerID: try row.decode(5), ownerName: try row.decode(6),
                coOwners: Array(zip(coIDs, coNames)).map { (id: $0.0, name: $0.1) },
                countries: Array(zip(isos, names)).map { (iso3: $0.0, name: $0.1) },
                measures: try row.decode(11), targets: try row.decode(12), actions: try row.decode(13),
                startDate: try row.decode(14), targetDate: try row.decode(15),
                visibility: Visibility(rawValue: try row.decode(16)) ?? .public,
                status: PledgeStatus(rawValue: try row.decode(17)) ?? .planning,
                withdrawnReason: try row.decode(18), version: try row.decode(19), lastActivity: try row.decode(20),
                language: Language(code: try row.decode(21)) ?? .english,
                translation: translatedTitle.map { (title: $0, description: translatedDescription ?? "") })
        }
    }

    static let milestoneColumns: SQL = """
        m.id, m.pledge_id, m.stage, m.position, m.title, m.due_date, m.status, m.percent_complete, m.completed_on, m.notes,
        m.validation, m.validation_reason, m.version,
        COALESCE((SELECT json_agg(json_build_object('title', v.title, 'url', v.url) ORDER BY v.position)
                  FROM milestone_evidence v WHERE v.milestone_id = m.id), '[]')
        """

    static func decodeMilestone(_ row: borrowing Row) throws -> Milestone {
        Milestone(
            id: try row.decode(0), pledgeID: try row.decode(1), stage: Stage(rawValue: try row.decode(2)) ?? .commitment,
            position: try row.decode(3), title: try row.decode(4), dueDate: try row.decode(5),
            status: MilestoneStatus(rawValue: try row.decode(6)) ?? .notStarted, percent: try row.decode(7),
            completedOn: try row.decode(8), notes: try row.decode(9),
            validation: try row.decode(10, as: String?.self).flatMap(ValidationState.init(rawValue:)),
            validationReason: try row.decode(11), version: try row.decode(12),
            evidence: try row.decode(13, as: PostgresJSON<[Evidence]>.self).value)
    }

    static func milestones(pledgeID: Int, on connection: Connection) throws -> [Milestone] {
        try connection.query(
            """
            SELECT \(milestoneColumns) FROM milestone m WHERE m.pledge_id = \(pledgeID)
            ORDER BY array_position(ARRAY['commitment', 'implementation', 'evaluation'], m.stage), m.position, m.id
            """, decodeMilestone)
    }

    /// The pledge's milestone titles in `language`, where someone translated them.
    static func milestoneTitles(pledgeID: Int, language: Language, on connection: Connection) throws -> [Int: String] {
        let rows = try connection.query(
            """
            SELECT t.milestone_id, t.title FROM milestone_translation t JOIN milestone m ON m.id = t.milestone_id
            WHERE m.pledge_id = \(pledgeID) AND t.language = \(language.rawValue)
              AND t.language <> (SELECT p.language FROM pledge p WHERE p.id = \(pledgeID))
            """
        ) { (try $0.decode(0, as: Int.self), try $0.decode(1, as: String.self)) }
        return Dictionary(rows, uniquingKeysWith: { a, _ in a })
    }

    /// Every translation of a pledge and of its milestones' titles, as the form shows them.
    static func translations(pledgeID: Int, on connection: Connection) throws -> [Language: TranslationForm.Entry] {
        var entries: [Language: TranslationForm.Entry] = [:]
        let pledges = try connection.query(
            "SELECT language, title, description FROM pledge_translation WHERE pledge_id = \(pledgeID)"
        ) { (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self), try $0.decode(2, as: String.self)) }
        for (code, title, description) in pledges {
            guard let language = Language(code: code) else { continue }
            entries[language, default: .init()].title = title
            entries[language, default: .init()].description = description
        }
        let milestones = try connection.query(
            """
            SELECT t.language, t.milestone_id, t.title FROM milestone_translation t JOIN milestone m ON m.id = t.milestone_id
            WHERE m.pledge_id = \(pledgeID)
            """
        ) { (try $0.decode(0, as: String.self), try $0.decode(1, as: Int.self), try $0.decode(2, as: String.self)) }
        for (code, id, title) in milestones {
            guard let language = Language(code: code) else { continue }
            entries[language, default: .init()].milestones[id] = title
        }
        return entries
    }

    static func milestone(_ id: Int, on connection: Connection) throws -> Milestone? {
        try connection.queryFirst("SELECT \(milestoneColumns) FROM milestone m WHERE m.id = \(id)", decodeMilestone)
    }

    /// Who made the last change to a pledge (or one of its milestones) and when: what a
    /// conflict page tells the person whose save was refused.
    struct LastChange: Sendable {
        let actor: String?
        let at: Date
    }

    static func lastChange(pledgeID: Int, milestoneID: Int? = nil, on connection: Connection) throws -> LastChange? {
        try connection.queryFirst(
            """
            SELECT u.display_name, c.at FROM change_event c LEFT JOIN app_user u ON u.id = c.actor_id
            WHERE c.pledge_id = \(pledgeID) AND (\(milestoneID)::bigint IS NULL AND c.milestone_id IS NULL OR c.milestone_id = \(milestoneID))
            ORDER BY c.at DESC, c.id DESC LIMIT 1
            """
        ) { row in LastChange(actor: try row.decode(0), at: try row.decode(1)) }
    }

    static func history(pledgeID: Int, limit: Int = 100, on connection: Connection) throws -> [Change] {
        try connection.query(
            """
            SELECT c.at, u.display_name, c.action, m.title, c.why, c.changes::text
            FROM change_event c LEFT JOIN app_user u ON u.id = c.actor_id LEFT JOIN milestone m ON m.id = c.milestone_id
            WHERE c.pledge_id = \(pledgeID)
            ORDER BY c.at DESC, c.id DESC
            LIMIT \(limit)
            """
        ) { row in
            Change(
                at: try row.decode(0), actor: try row.decode(1), action: try row.decode(2), milestoneTitle: try row.decode(3),
                why: try row.decode(4), changes: try row.decode(5, as: PostgresJSON<[FieldChange]>.self).value)
        }
    }
}

extension PledgeQueries {
    /// Countries with pledges the reader may see: a public list must not hint at restricted ones.
    static func listOptions(seesRestricted: Bool, language: Language = .english, on connection: Connection) throws -> PledgeListPage.Options
    {
        let lang = language.rawValue
        return PledgeListPage.Options(
            countries: try RenderedOptions(
                connection.query(
                    """
                    SELECT c.iso3::text, country_name_in(c.iso3, c.name, \(lang)) FROM country c
                    WHERE EXISTS (SELECT 1 FROM pledge_country pc JOIN pledge p ON p.id = pc.pledge_id
                                  WHERE pc.country_iso3 = c.iso3 AND \(PledgeAccess.visible(seesRestricted: seesRestricted)))
                    ORDER BY country_name_in(c.iso3, c.name, \(lang)) \(language.collate)
                    """
                ) { (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self)) }),
            regions: try RenderedOptions(
                connection.query(
                    """
                    WITH named AS (
                        SELECT r.code, COALESCE(n.name, r.name) AS name, r.parent_code
                        FROM un_region r LEFT JOIN un_region_name n ON n.code = r.code AND n.language = \(lang)
                    )
                    SELECT r.code::text, CASE WHEN r.parent_code IS NULL THEN r.name ELSE '— ' || r.name END
                    FROM named r LEFT JOIN named parent ON parent.code = r.parent_code
                    ORDER BY COALESCE(parent.name, r.name) \(language.collate), r.parent_code IS NOT NULL, r.name \(language.collate)
                    """
                ) { (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self)) }),
            entities: try RenderedOptions(
                connection.query("SELECT id::text, name FROM entity ORDER BY lower(name)") {
                    (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self))
                }))
    }
}
