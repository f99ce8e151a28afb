import Database

/// Limits password guessing. Failures are counted per account *and* client address, so an
/// attacker who guesses locks only themself out, not the account's owner; a looser limit per
/// client address stops one address trying many accounts, and one per account stops guessing
/// spread over many addresses.
enum SignInThrottle {
    struct Limit {
        let failures: Int
        let minutes: Int
    }

    static let perAccountAndClient = Limit(failures: 5, minutes: 15)
    static let perClient = Limit(failures: 30, minutes: 15)
    static let perAccount = Limit(failures: 100, minutes: 60)

    /// True when this attempt must be refused (429) without checking the password.
    /// What failures are counted under: the e-mail, or for a pseudonym its SHA-256, so that
    /// no pseudonym is stored beside a time and an address.
    static func key(_ login: String) -> SQL {
        "(CASE WHEN strpos(\(login), '@') > 0 THEN \(login) ELSE 'pseudonym:' || encode(sha256(convert_to(\(login), 'UTF8')), 'hex') END)"
    }

    static func isThrottled(email: String, client: String, on db: Connection) throws -> Bool {
        try db.queryValue("""
            SELECT count(*) FILTER (WHERE email = \(key(email)) AND client_address = \(client)
                                      AND at > now() - make_interval(mins => \(perAccountAndClient.minutes))) >= \(perAccountAndClient.failures)
                OR count(*) FILTER (WHERE client_address = \(client)
                                      AND at > now() - make_interval(mins => \(perClient.minutes))) >= \(perClient.failures)
                OR count(*) FILTER (WHERE email = \(key(email))) >= \(perAccount.failures)
            FROM sign_in_failure
            WHERE (email = \(key(email)) OR client_address = \(client)) AND at > now() - make_interval(mins => \(perAccount.minutes))
            """, as: Bool.self)
    }

    static func recordFailure(email: String, client: String, on db: Connection) throws {
        try db.execute("INSERT INTO sign_in_failure (email, client_address) VALUES (\(key(email)), \(client))")
    }

    /// A right password forgets this client's failures on this account.
    static func recordSuccess(email: String, client: String, on db: Connection) throws {
        try db.execute("DELETE FROM sign_in_failure WHERE email = \(key(email)) AND client_address = \(client)")
    }
}
