import Database
import Foundation

/// Reading feedback. Every query starts from `feedback_visible_to(reader)`, so what a reader
/// may see is decided by the database for lists, single items, answers and counts alike.
enum FeedbackQueries {
    /// Who wrote it, as this reader may know: only the author and the author's own panel
    /// (members and facilitator) see a pseudonym, and never on public feedback.
    enum Attribution: Sendable, Equatable {
        case you
        case pseudonym(String)
        case panelMember
    }

    struct Item: Sendable {
        let id: Int
        let panelID: Int
        let panelName: String
        let attribution: Attribution
        let scope: FeedbackScope
        let moderation: Moderation
        let review: Review
        /// The text; nil once withdrawn, or in a list read by staff unless it is published
        /// with public consent (they open the item, and that read is audited).
        let body: String?
        let contentNote: String?
        let withdrawn: Bool
        let pledgeID: Int?
        /// Nil when this reader may not see the pledge (restricted).
        let pledgeTitle: String?
        let milestoneTitle: String?
        /// About a pledge carried out in none of the panel's countries (shown to moderators).
        let outsidePanel: Bool
        let createdAt: Date
        let answers: Int
        let openFlags: Int
        /// The language its author wrote in: feedback is shown as written, never translated.
        var language: Language = .english
        var isMine: Bool { attribution == .you }
    }

    /// What this reader may do with an item, decided in SQL.
    struct Rights: Sendable {
        let moderate: Bool
        let answer: Bool
        let setReview: Bool
        let flagged: Bool
        /// The author may share a "pledge owners" item with owners the pledge gained since posting.
        var shareWithNewOwners = false
    }

    struct Answer: Sendable {
        let body: String
        let author: String
        let at: Date
    }

    struct Decision: Sendable {
        let decision: ModerationDecision
        let reason: String
        let actor: String?
        let at: Date
    }

    struct Flag: Sendable {
        let reason: String?
        let at: Date
    }

    private static func columns(reader: Int?, seesRestricted: Bool, textInList: Bool) -> SQL {
        let text: SQL =
            textInList
            ? "(COALESCE(f.author_id = \(reader), false) OR (f.scope = 'public' AND f.moderation = 'published') OR NOT reader_is_staff(\(reader)))"
            : "true"
        return """
            f.id, f.panel_id, pa.name,
            CASE WHEN f.author_id = \(reader) THEN 'you'
                 WHEN f.scope <> 'public'
                      AND (f.panel_id IN (SELECT m.panel_id FROM panel_member m JOIN user_role r ON r.user_id = m.user_id AND r.role = 'panel_member'
                                          WHERE m.user_id = \(reader))
                           OR (pa.facilitator_id = \(reader) AND EXISTS (SELECT 1 FROM user_role WHERE user_id = \(reader) AND role = 'panel_facilitator')))
                 THEN COALESCE(au.pseudonym, '')
            END,
            f.scope, f.moderation, f.review,
            CASE WHEN \(text) THEN f.body END AS body, CASE WHEN \(text) THEN f.content_note END, f.withdrawn_at IS NOT NULL,
            f.pledge_id, CASE WHEN \(PledgeAccess.visible(seesRestricted: seesRestricted)) THEN p.title END,
            CASE WHEN \(PledgeAccess.visible(seesRestricted: seesRestricted)) THEN ms.title END,
            f.pledge_id IS NOT NULL AND NOT pledge_in_panel_countries(f.pledge_id, f.panel_id), f.created_at,
            (SELECT count(*)::int FROM feedback_answer a WHERE a.feedback_id = f.id),
            (SELECT count(*)::int FROM feedback_flag fl WHERE fl.feedback_id = f.id AND fl.closed_at IS NULL),
            f.language
            """
    }

    private static let joins: SQL = """
        JOIN panel pa ON pa.id = f.panel_id
        LEFT JOIN app_user au ON au.id = f.author_id
        LEFT JOIN pledge p ON p.id = f.pledge_id
        LEFT JOIN milestone ms ON ms.id = f.milestone_id
        """

    private static func item(_ row: borrowing Row) throws -> Item {
        let who: String? = try row.decode(3)
        return Item(
            id: try row.decode(0), panelID: try row.decode(1), panelName: try row.decode(2),
            attribution: who == "you" ? .you : who.map { $0.isEmpty ? .panelMember : .pseudonym($0) } ?? .panelMember,
            scope: FeedbackScope(rawValue: try row.decode(4)) ?? .panel, moderation: Moderation(rawValue: try row.decode(5)) ?? .pending,
            review: Review(rawValue: try row.decode(6)) ?? .new, body: try row.decode(7), contentNote: try row.decode(8),
            withdrawn: try row.decode(9), pledgeID: try row.decode(10), pledgeTitle: try row.decode(11), milestoneTitle: try row.decode(12),
            outsidePanel: try row.decode(13), createdAt: try row.decode(14), answers: try row.decode(15), openFlags: try row.decode(16),
            language: Language(code: try row.decode(17)) ?? .english)
    }

    /// Lists count at most this many (and say "more than" beyond it).
    static let countCap = 200

    /// One page of the feedback this reader may see, newest first, and how many there are
    /// (`countCap + 1` meaning "more than the cap").
    static func list(
        _ filter: FeedbackFilter, reader: Int?, seesRestricted: Bool, on connection: Connection
    ) throws -> (items: [Item], total: Int) {
        let conditions = filter.conditions(reader: reader)
        // Counted up to a cap: a queue of thousands is narrowed with the filters, not paged through.
        let total = try connection.queryValue(
            """
            SELECT count(*)::int FROM (SELECT 1 FROM feedback_visible_to(\(reader)) f WHERE \(conditions) LIMIT \(countCap + 1)) counted
            """, as: Int.self)
        let items = try connection.query(
            """
            SELECT \(columns(reader: reader, seesRestricted: seesRestricted, textInList: true))
            FROM feedback_visible_to(\(reader)) f \(joins)
            WHERE \(conditions)
            ORDER BY f.created_at DESC, f.id DESC
            LIMIT \(FeedbackFilter.pageSize) OFFSET \((filter.page - 1) * FeedbackFilter.pageSize)
            """, item)
        return (items, total)
    }

    /// `list`, except that a page past the last is named as left out and the first page read
    /// (`PagedFilter.readingPage`).
    static func listPage(
        _ filter: FeedbackFilter, reader: Int?, seesRestricted: Bool, on connection: Connection
    ) throws -> (filter: FeedbackFilter, items: [Item], total: Int) {
        try filter.readingPage { try list($0, reader: reader, seesRestricted: seesRestricted, on: connection) }
    }

    /// One item with its text, if this reader may see it. A staff member's read of feedback
    /// that is not published with public consent is written to the audit log by the same statement.
    static func open(
        _ id: Int, reader: Int?, seesRestricted: Bool, origin: RequestOrigin, on connection: Connection
    ) throws -> (Item, Rights)? {
        try connection.queryFirst(
            """
            WITH item AS (
                SELECT \(columns(reader: reader, seesRestricted: seesRestricted, textInList: false)),
                       EXISTS (SELECT 1 FROM feedback_moderated_by(\(reader)) m WHERE m.id = f.id),
                       EXISTS (SELECT 1 FROM feedback_answerable_by(\(reader)) a WHERE a.id = f.id),
                       EXISTS (SELECT 1 FROM user_role WHERE user_id = \(reader) AND role = 'secretariat') AND f.scope <> 'panel',
                       EXISTS (SELECT 1 FROM feedback_flag WHERE feedback_id = f.id AND user_id = \(reader)),
                       f.author_id = \(reader) AS mine,
                       COALESCE(f.author_id = \(reader), false) AND f.withdrawn_at IS NULL AND f.scope = 'pledge_owners'
                           AND EXISTS (SELECT pledge_owner_entities(f.pledge_id) EXCEPT SELECT entity_id FROM feedback_audience WHERE feedback_id = f.id)
                FROM feedback_visible_to(\(reader)) f \(joins)
                WHERE f.id = \(id)
            ), audited AS (
                INSERT INTO audit_event (actor_id, action, target_type, target_id, request_id, client_address)
                SELECT \(reader), 'feedback.read', 'feedback', item.id::text, \(origin.requestID), \(origin.clientAddress)
                FROM item
                WHERE item.body IS NOT NULL AND NOT (item.scope = 'public' AND item.moderation = 'published')
                  AND item.mine IS NOT TRUE AND reader_is_staff(\(reader))
            )
            SELECT * FROM item
            """
        ) { row in
            (
                try item(row),
                Rights(
                    moderate: try row.decode(18), answer: try row.decode(19), setReview: try row.decode(20), flagged: try row.decode(21),
                    shareWithNewOwners: try row.decode(23))
            )
        }
    }

    /// The answers to an item, for readers who may see it (withdrawn items keep theirs).
    static func answers(_ id: Int, reader: Int?, on connection: Connection) throws -> [Answer] {
        try connection.query(
            """
            SELECT a.body, u.display_name, a.created_at
            FROM feedback_answer a JOIN app_user u ON u.id = a.author_id
            WHERE a.feedback_id = \(id) AND a.feedback_id IN (SELECT f.id FROM feedback_visible_to(\(reader)) f)
            ORDER BY a.created_at, a.id
            """
        ) { row in Answer(body: try row.decode(0), author: try row.decode(1), at: try row.decode(2)) }
    }

    /// The moderation record and open flags of an item, for its moderators only.
    static func moderationRecord(_ id: Int, reader: Int?, on connection: Connection) throws -> (decisions: [Decision], flags: [Flag]) {
        let decisions = try connection.query(
            """
            SELECT d.decision, d.reason, u.display_name, d.at
            FROM moderation_decision d LEFT JOIN app_user u ON u.id = d.actor_id
            WHERE d.feedback_id = \(id) AND EXISTS (SELECT 1 FROM feedback_moderated_by(\(reader)) m WHERE m.id = \(id))
            ORDER BY d.at, d.id
            """
        ) { row in
            Decision(
                decision: ModerationDecision(rawValue: try row.decode(0)) ?? .hide, reason: try row.decode(1),
                actor: try row.decode(2), at: try row.decode(3))
        }
        let flags = try connection.query(
            """
            SELECT reason, created_at FROM feedback_flag
            WHERE feedback_id = \(id) AND closed_at IS NULL AND EXISTS (SELECT 1 FROM feedback_moderated_by(\(reader)) m WHERE m.id = \(id))
            ORDER BY created_at
            """
        ) { row in Flag(reason: try row.decode(0), at: try row.decode(1)) }
        return (decisions, flags)
    }

    /// Items waiting for a moderator: pending, hidden, or published with open flags.
    static func moderationQueue(reader: Int, seesRestricted: Bool, on connection: Connection) throws -> [Item] {
        try connection.query(
            """
            SELECT \(columns(reader: reader, seesRestricted: seesRestricted, textInList: true))
            FROM feedback_moderated_by(\(reader)) f \(joins)
            WHERE f.withdrawn_at IS NULL
              AND (f.moderation <> 'published'
                   OR EXISTS (SELECT 1 FROM feedback_flag fl WHERE fl.feedback_id = f.id AND fl.closed_at IS NULL))
            ORDER BY f.moderation = 'pending' DESC, f.created_at, f.id
            LIMIT 200
            """, item)
    }

    // MARK: Measure 18's public figures

    struct Counts: Sendable {
        var byPanel: [(String, Int)] = []
        var byStatus: [(String, Int)] = []
        var byScope: [(FeedbackScope, Int)] = []
        var total = 0
    }

    /// Published feedback counted by panel, review status (or withdrawn) and scope, of only
    /// the feedback `reader` may see (nil: a visitor, as on measure 18's public dashboard).
    /// Counting anything wider would let a reader who polls the counts, or narrows a report to
    /// one pledge and one day, tell when restricted feedback was posted.
    static func counts(visibleTo reader: Int?, at moment: Moment = .now, within: SQL = "true", on connection: Connection) throws -> Counts {
        try counts(from: "feedback_visible_to(\(reader))", at: moment, within: within, on: connection)
    }

    private static func counts(from source: SQL, at moment: Moment, within: SQL, on connection: Connection) throws -> Counts {
        var counts = Counts()
        _ = try connection.query(
            """
            SELECT CASE WHEN grouping(pa.name) = 0 THEN 'panel' WHEN grouping(s.status) = 0 THEN 'status'
                        WHEN grouping(f.scope) = 0 THEN 'scope' ELSE 'total' END,
                   COALESCE(pa.name, s.status, f.scope, ''), count(*)::int
            FROM \(source) f JOIN panel pa ON pa.id = f.panel_id
            CROSS JOIN LATERAL (SELECT CASE WHEN f.withdrawn_at IS NOT NULL THEN 'withdrawn' ELSE f.review END AS status) s
            WHERE f.moderation = 'published' AND f.created_at < \(moment.instant) AND \(within)
            GROUP BY GROUPING SETS ((pa.name), (s.status), (f.scope), ())
            ORDER BY 1, 2
            """
        ) { row -> Void in
            let kind: String = try row.decode(0)
            let key: String = try row.decode(1)
            let count: Int = try row.decode(2)
            switch kind {
            case "panel": counts.byPanel.append((key, count))
            case "status": counts.byStatus.append((key, count))
            case "scope": if let scope = FeedbackScope(rawValue: key) { counts.byScope.append((scope, count)) }
            default: counts.total = count
            }
        }
        return counts
    }

    /// The latest feedback anyone may read: public scope, published; through the same gate
    /// as every other read, as a visitor.
    static func publicItems(limit: Int, at moment: Moment = .now, within: SQL = "true", on connection: Connection) throws -> [Item] {
        try connection.query(
            """
            SELECT \(columns(reader: nil, seesRestricted: false, textInList: true))
            FROM feedback_visible_to(NULL) f \(joins)
            WHERE f.withdrawn_at IS NULL AND f.created_at < \(moment.instant) AND \(within)
            ORDER BY f.created_at DESC, f.id DESC
            LIMIT \(limit)
            """, item)
    }

    // MARK: The pledge picker

    struct PledgeChoice: Sendable {
        let id: Int
        let title: String
        let inPanelCountries: Bool
    }

    /// Public pledges matching a search (title words, GRF id or number), those in the
    /// panel's countries first.
    static func searchPledges(_ query: String, panelID: Int, on connection: Connection) throws -> [PledgeChoice] {
        let number = Int(query)
        return try connection.query(
            """
            SELECT p.id, p.title, pledge_in_panel_countries(p.id, \(panelID)) AS near
            FROM pledge p
            WHERE p.visibility = 'public'
              AND (p.search @@ websearch_to_tsquery('english', \(query)) OR p.grf_id = \(query) OR p.id = \(number))
            ORDER BY near DESC, lower(p.title), p.id
            LIMIT 20
            """
        ) { row in PledgeChoice(id: try row.decode(0), title: try row.decode(1), inPanelCountries: try row.decode(2)) }
    }

    /// A public pledge a member may write about, its milestones, and whether it is in the panel's countries.
    static func pledgeChoice(_ id: Int, panelID: Int, on connection: Connection) throws -> (PledgeChoice, [(id: Int, title: String)])? {
        guard
            let choice = try connection.queryFirst(
                """
                SELECT p.id, p.title, pledge_in_panel_countries(p.id, \(panelID))
                FROM pledge p WHERE p.id = \(id) AND p.visibility = 'public'
                """, { row in PledgeChoice(id: try row.decode(0), title: try row.decode(1), inPanelCountries: try row.decode(2)) })
        else { return nil }
        let milestones = try connection.query(
            """
            SELECT id, title FROM milestone WHERE pledge_id = \(id)
            ORDER BY array_position(ARRAY['commitment', 'implementation', 'evaluation'], stage), position
            """
        ) { row in (id: try row.decode(0, as: Int.self), title: try row.decode(1, as: String.self)) }
        return (choice, milestones)
    }
}
