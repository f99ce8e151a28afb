import Database

/// One-time links to set a password: for new accounts, and to let someone back in. Valid
/// 72 hours, usable once; only the SHA-256 of the token is stored.
enum Invitations {
    static let validHours = 72

    /// A new link's token for a user; earlier unused links of that user stop working.
    static func create(userID: Int, by creator: Int?, on connection: Connection) throws -> String {
        let token = SecretToken.make()
        try connection.execute("UPDATE invitation SET used_at = now() WHERE user_id = \(userID) AND used_at IS NULL")
        try connection.execute(
            """
            INSERT INTO invitation (token_hash, user_id, created_by, expires_at)
            VALUES (sha256(convert_to(\(token), 'UTF8')), \(userID), \(creator), now() + make_interval(hours => \(validHours)))
            """)
        return token
    }

    struct Open: Sendable {
        let userID: Int
        let email: String
        let displayName: String
    }

    /// The invitation behind a token, if it is unused, unexpired and its account not disabled.
    static func find(token: String, on connection: Connection) throws -> Open? {
        try connection.queryFirst(
            """
            SELECT u.id, COALESCE(u.email, ''), u.display_name
            FROM invitation i JOIN app_user u ON u.id = i.user_id
            WHERE i.token_hash = sha256(convert_to(\(token), 'UTF8')) AND i.used_at IS NULL
              AND i.expires_at > now() AND u.disabled_at IS NULL
            """
        ) { row in Open(userID: try row.decode(0), email: try row.decode(1), displayName: try row.decode(2)) }
    }

    /// Uses the invitation up: true only for the one request that got there first.
    static func use(token: String, on connection: Connection) throws -> Bool {
        try connection.execute(
            """
            UPDATE invitation SET used_at = now()
            WHERE token_hash = sha256(convert_to(\(token), 'UTF8')) AND used_at IS NULL AND expires_at > now()
            """) == 1
    }
}
