import Database
import Synchronization

/// Changing feedback. Each statement carries its own permission check in SQL (author,
/// moderator, answerer), so a request that may not act changes no row; the caller turns
/// "no row" into a clear message. Survivor text never goes into the audit log.
enum FeedbackWrites {
    /// Posts feedback for a member who accepted the current notice; nil when they have not
    /// (or are no longer a member). The pledge, if any, must be public and the milestone its own.
    static func create(_ valid: FeedbackForm.Valid, author: Int, on connection: Connection) throws -> Int? {
        try connection.queryFirst(
            """
            INSERT INTO feedback (panel_id, author_id, pledge_id, milestone_id, scope, body, content_note, language)
            SELECT m.panel_id, m.user_id, p.id, ms.id, \(valid.scope.rawValue), \(valid.body), \(valid.contentNote), \(valid.language.rawValue)
            FROM panel_member m
            JOIN user_role r ON r.user_id = m.user_id AND r.role = 'panel_member'
            LEFT JOIN pledge p ON p.id = \(valid.pledgeID) AND p.visibility = 'public'
            LEFT JOIN milestone ms ON ms.id = \(valid.milestoneID) AND ms.pledge_id = p.id
            WHERE m.user_id = \(author) AND m.consent_version = (SELECT max(version) FROM consent_notice)
              AND (\(valid.pledgeID)::bigint IS NULL OR p.id IS NOT NULL)
              AND (\(valid.milestoneID)::bigint IS NULL OR ms.id IS NOT NULL)
            RETURNING id
            """
        ) { try $0.decode(0, as: Int.self) }
    }

    /// Erases the text (and content note, and the reasons of flags, which may quote it) of the
    /// author's own item. False when it is not theirs or already withdrawn.
    static func withdraw(_ id: Int, author: Int, on connection: Connection) throws -> Bool {
        let erased = try connection.execute(
            """
            UPDATE feedback SET body = NULL, content_note = NULL, withdrawn_at = now(), updated_at = now()
            WHERE id = \(id) AND author_id = \(author) AND withdrawn_at IS NULL
            """)
        guard erased == 1 else { return false }
        try connection.execute("UPDATE feedback_flag SET reason = NULL WHERE feedback_id = \(id)")
        return true
    }

    /// The author shares a "pledge owners" item with the pledge's present owners too (asked
    /// again after the owners changed). False when it is not theirs or nothing is new.
    static func shareWithPresentOwners(_ id: Int, author: Int, on connection: Connection) throws -> Bool {
        try connection.execute(
            """
            INSERT INTO feedback_audience (feedback_id, entity_id)
            SELECT f.id, e FROM feedback f CROSS JOIN LATERAL pledge_owner_entities(f.pledge_id) AS e
            WHERE f.id = \(id) AND f.author_id = \(author) AND f.withdrawn_at IS NULL AND f.scope = 'pledge_owners'
            ON CONFLICT DO NOTHING
            """) > 0
    }

    /// Flags published feedback the reader can see (not their own). False when they may not,
    /// or flagged it before. Enough open flags hide it (a trigger, see the migration).
    static func flag(_ id: Int, reader: Int, reason: String, on connection: Connection) throws -> Bool {
        try connection.execute(
            """
            INSERT INTO feedback_flag (feedback_id, user_id, reason)
            SELECT f.id, \(reader), \(reason) FROM feedback_visible_to(\(reader)) f
            WHERE f.id = \(id) AND f.withdrawn_at IS NULL AND f.moderation = 'published' AND f.author_id IS DISTINCT FROM \(reader)
            ON CONFLICT DO NOTHING
            """) == 1
    }

    /// A moderator's decision, recorded with its reason; open flags are closed by it. False
    /// when the reader may not moderate the item, it was withdrawn, or the decision does not
    /// apply to its state (publish: pending; hide: pending or published; restore: hidden).
    static func moderate(_ id: Int, decision: ModerationDecision, reason: String, reader: Int, on connection: Connection) throws -> Bool {
        let from: [String] =
            switch decision {
            case .publish: ["pending"]
            case .hide: ["pending", "published"]
            case .restore: ["hidden"]
            case .hiddenByFlags: []
            }
        let changed = try connection.execute(
            """
            UPDATE feedback SET moderation = \(decision.outcome.rawValue), updated_at = now()
            WHERE id = \(id) AND withdrawn_at IS NULL AND moderation = ANY(\(from)::text[])
              AND id IN (SELECT m.id FROM feedback_moderated_by(\(reader)) m)
            """)
        guard changed == 1 else { return false }
        try connection.execute(
            """
            INSERT INTO moderation_decision (feedback_id, actor_id, decision, reason) VALUES (\(id), \(reader), \(decision.rawValue), \(reason))
            """)
        try connection.execute("UPDATE feedback_flag SET closed_at = now() WHERE feedback_id = \(id) AND closed_at IS NULL")
        return true
    }

    /// An answer from the secretariat or the pledge's focal points; the review status moves to
    /// "answered" unless it is already further on. False when the reader may not answer.
    static func answer(_ id: Int, body: String, reader: Int, on connection: Connection) throws -> Bool {
        let added = try connection.execute(
            """
            INSERT INTO feedback_answer (feedback_id, author_id, body)
            SELECT f.id, \(reader), \(body) FROM feedback f
            WHERE f.id = \(id) AND f.withdrawn_at IS NULL AND f.id IN (SELECT a.id FROM feedback_answerable_by(\(reader)) a)
            """)
        guard added == 1 else { return false }
        if try connection.execute(
            "UPDATE feedback SET review = 'answered', updated_at = now() WHERE id = \(id) AND review IN ('new', 'acknowledged')") == 1
        {
            try connection.execute(
                "INSERT INTO feedback_review_event (feedback_id, actor_id, review) VALUES (\(id), \(reader), 'answered')")
        }
        return true
    }

    /// The secretariat sets the review status. False when the reader may not, or it was withdrawn.
    static func setReview(_ id: Int, to review: Review, reader: Int, on connection: Connection) throws -> Bool {
        let changed = try connection.execute(
            """
            UPDATE feedback SET review = \(review.rawValue), updated_at = now()
            WHERE id = \(id) AND withdrawn_at IS NULL AND scope <> 'panel'
              AND EXISTS (SELECT 1 FROM user_role WHERE user_id = \(reader) AND role = 'secretariat')
            """)
        guard changed == 1 else { return false }
        try connection.execute(
            "INSERT INTO feedback_review_event (feedback_id, actor_id, review) VALUES (\(id), \(reader), \(review.rawValue))")
        return true
    }

    /// Records that a member accepted this version of the notice.
    static func consent(userID: Int, version: Int, on connection: Connection) throws -> Bool {
        try connection.execute(
            """
            UPDATE panel_member SET consent_version = \(version), consented_at = now()
            WHERE user_id = \(userID) AND \(version) = (SELECT max(version) FROM consent_notice)
            """) == 1
    }

    /// Deletes a member's account: the pseudonym and e-mail go, the member leaves the panel,
    /// and nothing links the account to anything any more: its sessions, sign-in records and
    /// notices are deleted, and its audit rows lose their actor, address and request (the
    /// notice promises kept texts carry no link). Their feedback is erased (`eraseTexts`) or
    /// kept without an author.
    static func deleteMember(_ userID: Int, eraseTexts: Bool, on connection: Connection) throws {
        if eraseTexts {
            try connection.execute(
                "UPDATE feedback_flag SET reason = NULL WHERE feedback_id IN (SELECT id FROM feedback WHERE author_id = \(userID))")
            try connection.execute(
                """
                UPDATE feedback SET body = NULL, content_note = NULL, withdrawn_at = now(), updated_at = now()
                WHERE author_id = \(userID) AND withdrawn_at IS NULL
                """)
        }
        try connection.execute(
            """
            DELETE FROM sign_in_failure
            WHERE email IN (SELECT email FROM app_user WHERE id = \(userID) AND email IS NOT NULL
                            UNION SELECT 'pseudonym:' || encode(sha256(convert_to(lower(pseudonym), 'UTF8')), 'hex')
                            FROM app_user WHERE id = \(userID) AND pseudonym IS NOT NULL)
            """)
        try connection.execute("UPDATE feedback SET author_id = NULL WHERE author_id = \(userID)")
        try connection.execute("DELETE FROM panel_member WHERE user_id = \(userID)")
        try connection.execute("DELETE FROM user_role WHERE user_id = \(userID)")
        try connection.execute(
            """
            UPDATE app_user SET email = NULL, pseudonym = NULL, display_name = 'Former panel member',
                   password_hash = NULL, totp_secret = NULL, disabled_at = now(), deleted_at = now()
            WHERE id = \(userID)
            """)
        for table: SQL in ["recovery_code", "user_session", "second_factor_failure", "known_device", "security_notice"] {
            try connection.execute("DELETE FROM \(table) WHERE user_id = \(userID)")
        }
        try connection.execute(
            "UPDATE audit_event SET actor_id = NULL, client_address = NULL, request_id = NULL WHERE actor_id = \(userID)")
        try connection.execute("UPDATE audit_event SET target_id = NULL WHERE target_type = 'user' AND target_id = \(String(userID))")
    }
}

/// Erased text leaves PostgreSQL's data files only when the old row versions are vacuumed:
/// after a withdrawal or an account deleted with its texts, `VACUUM` runs on the tables that
/// held them, soon and in the background (one at a time; requests arriving meanwhile share
/// the next run). Autovacuum would get there too, but on its own schedule.
final class ErasureVacuum: Sendable {
    private let pool: ConnectionPool
    private let state = Mutex((running: false, again: false))

    init(pool: ConnectionPool) {
        self.pool = pool
    }

    func request() {
        let start = state.withLock { state -> Bool in
            if state.running { state.again = true; return false }
            state.running = true
            return true
        }
        guard start else { return }
        Task.detached { [self] in await run() }
    }

    private func run() async {
        while true {
            try? await pool.withConnection { connection in
                try connection.run("VACUUM (SKIP_LOCKED) feedback, feedback_flag")
            }
            let more = state.withLock { state -> Bool in
                if state.again { state.again = false; return true }
                state.running = false
                return false
            }
            if !more { return }
        }
    }
}
