import Database
import Foundation

/// A signed-in session as a request sees it.
public struct Session: Sendable {
    public let user: SignedInUser
    /// Put in every form; a state-changing request must send it back.
    public let csrfToken: String
    /// False between the password and the second factor: only the second step is open then.
    public let secondFactorDone: Bool
    let tokenHashHex: String

    /// Signed in for everything the roles allow.
    public var isComplete: Bool { secondFactorDone || !user.requiresSecondFactor }
}

/// Sessions live in PostgreSQL, so any number of app instances share them. The cookie
/// carries a random token; the table stores only its SHA-256.
enum SessionStore {
    static let absoluteLifetime: Duration = .seconds(12 * 3600)
    /// A session that gave the password but still owes the second factor lives this long, at most.
    static let pendingLifetime: Duration = .seconds(10 * 60)

    /// Starts a session for a user after the password was right; returns the cookie token.
    /// `secondFactorDone`: a second factor was given (never true for a password alone).
    /// `pending`: the roles need a second factor not given yet, so the session lives minutes.
    /// A panel member's session keeps no client address.
    static func start(
        userID: Int, idleTimeout: Duration, secondFactorDone: Bool, pending: Bool = false, client: String, userAgent: String,
        on connection: Connection
    ) throws -> String {
        let token = SecretToken.make()
        let lifetime = Int((pending ? pendingLifetime : absoluteLifetime).components.seconds)
        try connection.execute(
            """
            INSERT INTO user_session (token_hash, user_id, csrf_token, second_factor_done, idle_timeout, expires_at, client_address, user_agent)
            SELECT sha256(convert_to(\(token), 'UTF8')), u.id, \(SecretToken.make()), \(secondFactorDone),
                   make_interval(secs => \(Int(idleTimeout.components.seconds))), now() + make_interval(secs => \(lifetime)),
                   CASE WHEN u.survivor THEN '' ELSE \(client) END, CASE WHEN u.survivor THEN '' ELSE \(String(userAgent.prefix(300))) END
            FROM app_user u WHERE u.id = \(userID)
            """)
        return token
    }

    /// The live session for a cookie token: not ended, not expired, not idle too long, and
    /// its user not disabled. Refreshes the idle clock at most once a minute.
    static func load(token: String, on connection: Connection) throws -> Session? {
        let found = try connection.queryFirst(
            """
            SELECT u.id, COALESCE(u.email, ''), COALESCE(u.pseudonym, u.display_name),
                   ARRAY(SELECT role FROM user_role WHERE user_id = u.id ORDER BY role) AS roles,
                   ARRAY(SELECT entity_id FROM entity_member WHERE user_id = u.id ORDER BY entity_id) AS entities,
                   s.csrf_token, s.second_factor_done, encode(s.token_hash, 'hex'),
                   s.last_seen_at < now() - interval '1 minute' AS stale, u.language
            FROM user_session s JOIN app_user u ON u.id = s.user_id
            WHERE s.token_hash = sha256(convert_to(\(token), 'UTF8'))
              AND s.ended_at IS NULL AND s.expires_at > now() AND s.last_seen_at + s.idle_timeout > now()
              AND u.disabled_at IS NULL
            """
        ) { row in
            (
                Session(
                    user: SignedInUser(
                        id: try row.decode(0), email: try row.decode(1), displayName: try row.decode(2),
                        roles: Set(try row.decode(3, as: [String].self).compactMap(Role.init(rawValue:))),
                        entityIDs: Set(try row.decode(4, as: [Int].self)), language: Language(code: try row.decode(9))),
                    csrfToken: try row.decode(5), secondFactorDone: try row.decode(6), tokenHashHex: try row.decode(7)),
                try row.decode(8, as: Bool.self)
            )
        }
        guard let (session, stale) = found else { return nil }
        if stale {
            try connection.execute("UPDATE user_session SET last_seen_at = now() WHERE token_hash = decode(\(session.tokenHashHex), 'hex')")
        }
        return session
    }

    /// The second factor was given: the pending session ends and a new one (a new token, so a
    /// token seen before this step is worth nothing) starts with the full lifetime.
    static func completeSecondFactor(_ session: Session, client: String, userAgent: String, on connection: Connection) throws -> String {
        try end(session, on: connection)
        return try start(
            userID: session.user.id, idleTimeout: session.user.idleTimeout, secondFactorDone: true,
            client: client, userAgent: userAgent, on: connection)
    }

    /// The secret proposed at enrolment, kept with the session (sealed): the form never carries it.
    static func proposeSecret(_ sealed: String?, for session: Session, on connection: Connection) throws {
        try connection.execute(
            "UPDATE user_session SET proposed_totp_secret = \(sealed) WHERE token_hash = decode(\(session.tokenHashHex), 'hex')")
    }

    static func proposedSecret(of session: Session, on connection: Connection) throws -> String? {
        try connection.queryFirst(
            """
            SELECT proposed_totp_secret FROM user_session WHERE token_hash = decode(\(session.tokenHashHex), 'hex')
            """
        ) { try $0.decode(0, as: String?.self) } ?? nil
    }

    static func end(_ session: Session, on connection: Connection) throws {
        try connection.execute("UPDATE user_session SET ended_at = now() WHERE token_hash = decode(\(session.tokenHashHex), 'hex')")
    }

    /// Ends a user's sessions, all of them or all but one; returns how many ended.
    @discardableResult
    static func endAll(userID: Int, except keep: Session? = nil, on connection: Connection) throws -> Int {
        try connection.execute(
            """
            UPDATE user_session SET ended_at = now()
            WHERE user_id = \(userID) AND ended_at IS NULL
              AND token_hash <> decode(\(keep?.tokenHashHex ?? ""), 'hex')
            """)
    }
}
