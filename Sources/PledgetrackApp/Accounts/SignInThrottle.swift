import Database
import Foundation

/// Limits password guessing. Failures are counted per account *and* client address, so an
/// attacker who guesses locks only themself out, not the account's owner; a looser limit per
/// client address stops one address trying many accounts, and one per account stops guessing
/// spread over many addresses. That last one locks out only browsers the account never
/// signed in from (`KnownDevices`): the owner's own browser still gets in.
enum SignInThrottle {
    struct Limit {
        let failures: Int
        let minutes: Int
    }

    static let perAccountAndClient = Limit(failures: 5, minutes: 15)
    static let perClient = Limit(failures: 30, minutes: 15)
    static let perAccount = Limit(failures: 100, minutes: 60)

    /// What failures are counted under: the e-mail, or for a pseudonym its SHA-256, so that
    /// no pseudonym is stored beside a time and an address.
    static func key(_ login: String) -> SQL {
        "(CASE WHEN strpos(\(login), '@') > 0 THEN \(login) ELSE 'pseudonym:' || encode(sha256(convert_to(\(login), 'UTF8')), 'hex') END)"
    }

    /// True when this attempt must be refused (429) without checking the password.
    /// `knownDevice`: the browser carries a device token of this account.
    static func isThrottled(email: String, client: String, knownDevice: Bool, on connection: Connection) throws -> Bool {
        try connection.queryValue(
            """
            SELECT count(*) FILTER (WHERE email = \(key(email)) AND client_address = \(client)
                                      AND at > now() - make_interval(mins => \(perAccountAndClient.minutes))) >= \(perAccountAndClient.failures)
                OR count(*) FILTER (WHERE client_address = \(client) AND NOT known_device
                                      AND at > now() - make_interval(mins => \(perClient.minutes))) >= \(perClient.failures)
                OR (NOT \(knownDevice) AND count(*) FILTER (WHERE email = \(key(email)) AND NOT known_device) >= \(perAccount.failures))
            FROM sign_in_failure
            WHERE (email = \(key(email)) OR client_address = \(client)) AND at > now() - make_interval(mins => \(perAccount.minutes))
            """, as: Bool.self)
    }

    static func recordFailure(email: String, client: String, knownDevice: Bool, on connection: Connection) throws {
        try connection.execute(
            "INSERT INTO sign_in_failure (email, client_address, known_device) VALUES (\(key(email)), \(client), \(knownDevice))")
    }

    /// A right password forgets this client's failures on this account.
    static func recordSuccess(email: String, client: String, on connection: Connection) throws {
        try connection.execute("DELETE FROM sign_in_failure WHERE email = \(key(email)) AND client_address = \(client)")
    }
}

/// Limits second-factor guessing by someone who has the password: 5 wrong codes per pending
/// session end it, and 5 wrong authenticator codes per account in 15 minutes stop codes for
/// that account until the window passes. Recovery codes (60 random bits, one use each) still
/// work then, so the owner is never locked out by someone else's guessing.
enum SecondFactorThrottle {
    static let perSession = 5
    static let perAccount = SignInThrottle.Limit(failures: 5, minutes: 15)

    /// True when authenticator codes are refused for this account now.
    static func accountLocked(userID: Int, on connection: Connection) throws -> Bool {
        try connection.queryValue(
            """
            SELECT count(*) >= \(perAccount.failures) FROM second_factor_failure
            WHERE user_id = \(userID) AND at > now() - make_interval(mins => \(perAccount.minutes))
            """, as: Bool.self)
    }

    /// Counts a wrong code against the account alone (a signed-in person replacing their authenticator).
    static func recordAccountFailure(userID: Int, on connection: Connection) throws {
        try connection.execute("INSERT INTO second_factor_failure (user_id) VALUES (\(userID))")
    }

    /// Counts a wrong code against the account and the session; true when the session has
    /// used up its tries (and so must end).
    static func recordFailure(_ session: Session, on connection: Connection) throws -> Bool {
        try recordAccountFailure(userID: session.user.id, on: connection)
        return try connection.queryValue(
            """
            UPDATE user_session SET second_factor_failures = second_factor_failures + 1
            WHERE token_hash = decode(\(session.tokenHashHex), 'hex') RETURNING second_factor_failures >= \(perSession)
            """, as: Bool.self)
    }
}

/// Browsers an account has signed in from: a random token in a long-lived cookie, only its
/// hash stored. Not for survivor accounts, whose browsers keep nothing of the site beyond the
/// session.
enum KnownDevices {
    static func isKnown(token: String?, email: String, on connection: Connection) throws -> Bool {
        guard let token, !token.isEmpty, token.utf8.count <= 100 else { return false }
        return try connection.queryValue(
            """
            SELECT EXISTS (SELECT 1 FROM known_device d JOIN app_user u ON u.id = d.user_id
                           WHERE d.token_hash = sha256(convert_to(\(token), 'UTF8'))
                             AND (u.email = \(email) OR lower(u.pseudonym) = \(email))
                             AND d.last_used_at > now() - interval '180 days')
            """, as: Bool.self)
    }

    /// The token for this account's device cookie: the one it has (refreshed), or a new one.
    static func remember(token: String?, userID: Int, on connection: Connection) throws -> String {
        if let token, !token.isEmpty, token.utf8.count <= 100,
            try connection.execute(
                """
                UPDATE known_device SET last_used_at = now() WHERE token_hash = sha256(convert_to(\(token), 'UTF8')) AND user_id = \(userID)
                """) == 1
        {
            return token
        }
        let fresh = SecretToken.make()
        try connection.execute("INSERT INTO known_device (token_hash, user_id) VALUES (sha256(convert_to(\(fresh), 'UTF8')), \(userID))")
        return fresh
    }
}

/// What an account's owner must hear about (their second factor set up or replaced, their
/// roles changed, a recovery code used, wrong codes after their password): shown on their
/// account page until they mark it read. E-mail will carry them too once the app sends mail.
enum SecurityNotices {
    enum Kind: String, Sendable, CaseIterable {
        case secondFactorEnrolled = "second_factor_enrolled"
        case secondFactorReplaced = "second_factor_replaced"
        case recoveryCodeUsed = "recovery_code_used"
        case rolesChanged = "roles_changed"
        case secondFactorLocked = "second_factor_locked"
        case passwordChanged = "password_changed"
    }

    struct Notice: Sendable {
        let id: Int
        let kind: Kind
        let at: Date
    }

    static func add(_ kind: Kind, userID: Int, on connection: Connection) throws {
        try connection.execute("INSERT INTO security_notice (user_id, kind) VALUES (\(userID), \(kind.rawValue))")
    }

    static func unseen(userID: Int, on connection: Connection) throws -> [Notice] {
        try connection.query(
            """
            SELECT id, kind, at FROM security_notice WHERE user_id = \(userID) AND seen_at IS NULL ORDER BY at DESC, id DESC LIMIT 20
            """
        ) { row in
            Notice(id: try row.decode(0), kind: Kind(rawValue: try row.decode(1)) ?? .rolesChanged, at: try row.decode(2))
        }
    }

    static func markSeen(userID: Int, on connection: Connection) throws -> Int {
        try connection.execute("UPDATE security_notice SET seen_at = now() WHERE user_id = \(userID) AND seen_at IS NULL")
    }
}
