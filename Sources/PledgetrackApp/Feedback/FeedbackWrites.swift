import Database

/// Changing feedback. Each statement carries its own permission check in SQL (author,
/// moderator, answerer), so a request that may not act changes no row; the caller turns
/// "no row" into a clear message. Survivor text never goes into the audit log.
enum FeedbackWrites {
    /// Posts feedback for a member who accepted the current notice; nil when they have not
    /// (or are no longer a member). The pledge, if any, must be public and the milestone its own.
    static func create(_ valid: FeedbackForm.Valid, author: Int, on db: Connection) throws -> Int? {
        try db.queryFirst("""
            INSERT INTO feedback (panel_id, author_id, pledge_id, milestone_id, scope, body, content_note)
            SELECT m.panel_id, m.user_id, p.id, ms.id, \(valid.scope.rawValue), \(valid.body), \(valid.contentNote)
            FROM panel_member m
            JOIN user_role r ON r.user_id = m.user_id AND r.role = 'panel_member'
            LEFT JOIN pledge p ON p.id = \(valid.pledgeID) AND p.visibility = 'public'
            LEFT JOIN milestone ms ON ms.id = \(valid.milestoneID) AND ms.pledge_id = p.id
            WHERE m.user_id = \(author) AND m.consent_version = (SELECT max(version) FROM consent_notice)
              AND (\(valid.pledgeID)::bigint IS NULL OR p.id IS NOT NULL)
              AND (\(valid.milestoneID)::bigint IS NULL OR ms.id IS NOT NULL)
            RETURNING id
            """) { try $0.decode(0, as: Int.self) }
    }

    /// Erases the text (and content note, and the reasons of flags, which may quote it) of the
    /// author's own item. False when it is not theirs or already withdrawn.
    static func withdraw(_ id: Int, author: Int, on db: Connection) throws -> Bool {
        let erased = try db.execute("""
            UPDATE feedback SET body = NULL, content_note = NULL, withdrawn_at = now(), updated_at = now()
            WHERE id = \(id) AND author_id = \(author) AND withdrawn_at IS NULL
            """)
        guard erased == 1 else { return false }
        try db.execute("UPDATE feedback_flag SET reason = NULL WHERE feedback_id = \(id)")
        return true
    }

    /// Flags published feedback the reader can see (not their own). False when they may not,
    /// or flagged it before. Enough open flags hide it (a trigger, see the migration).
    static func flag(_ id: Int, reader: Int, reason: String, on db: Connection) throws -> Bool {
        try db.execute("""
            INSERT INTO feedback_flag (feedback_id, user_id, reason)
            SELECT f.id, \(reader), \(reason) FROM feedback_visible_to(\(reader)) f
            WHERE f.id = \(id) AND f.withdrawn_at IS NULL AND f.moderation = 'published' AND f.author_id IS DISTINCT FROM \(reader)
            ON CONFLICT DO NOTHING
            """) == 1
    }

    /// A moderator's decision, recorded with its reason; open flags are closed by it. False
    /// when the reader may not moderate the item, it was withdrawn, or the decision does not
    /// apply to its state (publish: pending; hide: pending or published; restore: hidden).
    static func moderate(_ id: Int, decision: ModerationDecision, reason: String, reader: Int, on db: Connection) throws -> Bool {
        let from: [String] = switch decision {
        case .publish: ["pending"]
        case .hide: ["pending", "published"]
        case .restore: ["hidden"]
        case .hiddenByFlags: []
        }
        let changed = try db.execute("""
            UPDATE feedback SET moderation = \(decision.outcome.rawValue), updated_at = now()
            WHERE id = \(id) AND withdrawn_at IS NULL AND moderation = ANY(\(from)::text[])
              AND id IN (SELECT m.id FROM feedback_moderated_by(\(reader)) m)
            """)
        guard changed == 1 else { return false }
        try db.execute("""
            INSERT INTO moderation_decision (feedback_id, actor_id, decision, reason) VALUES (\(id), \(reader), \(decision.rawValue), \(reason))
            """)
        try db.execute("UPDATE feedback_flag SET closed_at = now() WHERE feedback_id = \(id) AND closed_at IS NULL")
        return true
    }

    /// An answer from the secretariat or the pledge's focal points; the review status moves to
    /// "answered" unless it is already further on. False when the reader may not answer.
    static func answer(_ id: Int, body: String, reader: Int, on db: Connection) throws -> Bool {
        let added = try db.execute("""
            INSERT INTO feedback_answer (feedback_id, author_id, body)
            SELECT f.id, \(reader), \(body) FROM feedback f
            WHERE f.id = \(id) AND f.withdrawn_at IS NULL AND f.id IN (SELECT a.id FROM feedback_answerable_by(\(reader)) a)
            """)
        guard added == 1 else { return false }
        if try db.execute("UPDATE feedback SET review = 'answered', updated_at = now() WHERE id = \(id) AND review IN ('new', 'acknowledged')") == 1 {
            try db.execute("INSERT INTO feedback_review_event (feedback_id, actor_id, review) VALUES (\(id), \(reader), 'answered')")
        }
        return true
    }

    /// The secretariat sets the review status. False when the reader may not, or it was withdrawn.
    static func setReview(_ id: Int, to review: Review, reader: Int, on db: Connection) throws -> Bool {
        let changed = try db.execute("""
            UPDATE feedback SET review = \(review.rawValue), updated_at = now()
            WHERE id = \(id) AND withdrawn_at IS NULL AND scope <> 'panel'
              AND EXISTS (SELECT 1 FROM user_role WHERE user_id = \(reader) AND role = 'secretariat')
            """)
        guard changed == 1 else { return false }
        try db.execute("INSERT INTO feedback_review_event (feedback_id, actor_id, review) VALUES (\(id), \(reader), \(review.rawValue))")
        return true
    }

    /// Records that a member accepted this version of the notice.
    static func consent(userID: Int, version: Int, on db: Connection) throws -> Bool {
        try db.execute("""
            UPDATE panel_member SET consent_version = \(version), consented_at = now()
            WHERE user_id = \(userID) AND \(version) = (SELECT max(version) FROM consent_notice)
            """) == 1
    }

    /// Deletes a member's account: the pseudonym and e-mail go, sessions end, the member
    /// leaves the panel. Their feedback is erased (`eraseTexts`) or kept with no link to them.
    static func deleteMember(_ userID: Int, eraseTexts: Bool, on db: Connection) throws {
        if eraseTexts {
            try db.execute("UPDATE feedback_flag SET reason = NULL WHERE feedback_id IN (SELECT id FROM feedback WHERE author_id = \(userID))")
            try db.execute("""
                UPDATE feedback SET body = NULL, content_note = NULL, withdrawn_at = now(), updated_at = now()
                WHERE author_id = \(userID) AND withdrawn_at IS NULL
                """)
        }
        try db.execute("UPDATE feedback SET author_id = NULL WHERE author_id = \(userID)")
        try db.execute("DELETE FROM panel_member WHERE user_id = \(userID)")
        try db.execute("DELETE FROM user_role WHERE user_id = \(userID)")
        try db.execute("""
            UPDATE app_user SET email = NULL, pseudonym = NULL, display_name = 'Former panel member',
                   password_hash = NULL, totp_secret = NULL, disabled_at = now()
            WHERE id = \(userID)
            """)
        try db.execute("DELETE FROM recovery_code WHERE user_id = \(userID)")
        try SessionStore.endAll(userID: userID, on: db)
    }
}
