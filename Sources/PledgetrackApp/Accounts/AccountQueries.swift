import Database
import Foundation

/// What the account pages read: a person's own account and sessions, and the audit log.
enum AccountQueries {
    static func passwordHash(userID: Int, on connection: Connection) throws -> String? {
        try connection.queryValue("SELECT password_hash FROM app_user WHERE id = \(userID)", as: String?.self)
    }

    /// The account has an authenticator set up.
    static func hasSecondFactor(userID: Int, on connection: Connection) throws -> Bool {
        try connection.queryValue("SELECT totp_secret IS NOT NULL FROM app_user WHERE id = \(userID)", as: Bool.self)
    }

    /// The person's live sessions, the one asking marked.
    static func sessions(of session: Session, on connection: Connection) throws -> [AccountPage.SessionRow] {
        try connection.query(
            """
            SELECT created_at, last_seen_at, client_address, user_agent, token_hash = decode(\(session.tokenHashHex), 'hex')
            FROM user_session
            WHERE user_id = \(session.user.id) AND ended_at IS NULL AND expires_at > now() AND last_seen_at + idle_timeout > now()
            ORDER BY last_seen_at DESC
            """
        ) { row in
            AccountPage.SessionRow(
                started: try row.decode(0), lastSeen: try row.decode(1), client: try row.decode(2),
                userAgent: try row.decode(3), isCurrent: try row.decode(4))
        }
    }

    /// One page of the audit log, newest first (one more than a page, to tell whether there is more).
    static func auditEvents(_ filter: AuditPage.Filter, on connection: Connection) throws -> [AuditPage.Event] {
        var conditions: [SQL] = ["true"]
        if !filter.action.isEmpty { conditions.append("a.action LIKE \(filter.action + "%")") }
        if !filter.actor.isEmpty { conditions.append("u.email = \(filter.actor)") }
        if let from = filter.from { conditions.append("a.at >= \(from)::date") }
        if let to = filter.to { conditions.append("a.at < \(to)::date + 1") }
        if let before = filter.before { conditions.append("a.id < \(before)") }
        return try connection.query(
            """
            SELECT a.id, a.at, COALESCE(CASE WHEN u.pseudonym IS NULL THEN u.email END, u.display_name), a.action, a.target_type,
                   a.target_id, a.request_id, a.client_address, a.detail::text
            FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id
            WHERE \(SQL.join(conditions, separator: " AND "))
            ORDER BY a.id DESC
            LIMIT \(AuditPage.pageSize + 1)
            """
        ) { row in
            AuditPage.Event(
                id: try row.decode(0), at: try row.decode(1), actor: try row.decode(2), action: try row.decode(3),
                targetType: try row.decode(4), targetID: try row.decode(5), requestID: try row.decode(6),
                client: try row.decode(7), detail: try row.decode(8))
        }
    }
}

/// What the account pages change. Each caller runs these in its transaction, with the audit event.
enum AccountWrites {
    /// The language of the account's pages (nil: follow the browser).
    static func setLanguage(_ language: Language?, userID: Int, on connection: Connection) throws {
        try connection.execute("UPDATE app_user SET language = \(language?.rawValue) WHERE id = \(userID)")
    }

    /// The language chosen before signing in, kept when the account has none yet.
    static func adoptLanguage(_ language: Language, userID: Int, on connection: Connection) throws {
        try connection.execute("UPDATE app_user SET language = \(language.rawValue) WHERE id = \(userID) AND language IS NULL")
    }

    static func setPassword(userID: Int, hash: String, on connection: Connection) throws {
        try connection.execute("UPDATE app_user SET password_hash = \(hash), password_changed_at = now() WHERE id = \(userID)")
    }

    /// A new account, invited: no password until the person sets one with the link.
    static func createUser(email: String, displayName: String, on connection: Connection) throws -> Int {
        try connection.queryValue("INSERT INTO app_user (email, display_name) VALUES (\(email), \(displayName)) RETURNING id", as: Int.self)
    }

    /// A staff account's name; a survivor's account is left as it is.
    static func rename(userID: Int, displayName: String, on connection: Connection) throws {
        try connection.execute("UPDATE app_user SET display_name = \(displayName) WHERE id = \(userID) AND NOT survivor")
    }

    static func disable(userID: Int, on connection: Connection) throws {
        try connection.execute("UPDATE app_user SET disabled_at = now() WHERE id = \(userID) AND disabled_at IS NULL")
    }

    /// Never a deleted account (its owner chose to leave; a trigger refuses it as well).
    static func enable(userID: Int, on connection: Connection) throws {
        try connection.execute("UPDATE app_user SET disabled_at = NULL WHERE id = \(userID) AND deleted_at IS NULL")
    }
}

/// What sign-in needs to know of an account.
struct SignInAccount: Sendable {
    let id: Int
    let passwordHash: String?
    let disabled: Bool
    let roles: Set<Role>
    let hasSecondFactor: Bool
    /// A survivor's account (known from its data): its sign-ins keep no address.
    let survivor: Bool

    var requiresSecondFactor: Bool { roles.requiresSecondFactor }
    var idleTimeout: Duration { roles.idleTimeout }

    static func find(email: String, on connection: Connection) throws -> SignInAccount? {
        try connection.queryFirst(
            """
            SELECT id, password_hash, disabled_at IS NOT NULL, ARRAY(SELECT role FROM user_role WHERE user_id = u.id),
                   totp_secret IS NOT NULL, survivor
            FROM app_user u WHERE u.email = \(email) OR lower(u.pseudonym) = \(email)
            """
        ) { row in
            SignInAccount(
                id: try row.decode(0), passwordHash: try row.decode(1), disabled: try row.decode(2),
                roles: Set(try row.decode(3, as: [String].self).compactMap(Role.init(rawValue:))), hasSecondFactor: try row.decode(4),
                survivor: try row.decode(5))
        }
    }
}
