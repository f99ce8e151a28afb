import Database

/// A small, clearly fictional data set for trying Pledgetrack out (`pledgetrack demo`, run by
/// `make run`): pledging entities of every kind and one account per role. Loaded only into a
/// database without accounts; the demo passwords are fixed so they can be printed every time.
public enum DemoData {
    public struct Account: Sendable {
        public let email: String
        public let name: String
        public let password: String
        public let roles: [Role]
        public let entities: [String]
    }

    /// Every demo e-mail ends with this reserved domain (RFC 2606): no real mailbox.
    public static let domain = "demo.pledgetrack.example"

    public static let entities: [(name: String, kind: String, country: String?)] = [
        ("Republic of Examplia (demo)", "state", nil),
        ("Ministry of Interior of Sampleland (demo)", "state", nil),
        ("Federal Office for Asylum of Demoria (demo)", "state", nil),
        ("Northbridge City Council (demo)", "local_authority", nil),
        ("Port Harbour Municipality (demo)", "local_authority", nil),
        ("Safe Passage Network (demo)", "civil_society", nil),
        ("Coastal Legal Aid Clinic (demo)", "civil_society", nil),
        ("Survivors Forward (demo)", "survivor_led", nil),
        ("Refugee Voices Collective (demo)", "refugee_led", nil),
        ("Regional Migration Office (demo)", "international_organisation", nil),
        ("UN Protection Programme (demo)", "un_agency", nil),
        ("UN Labour Standards Unit (demo)", "un_agency", nil),
        ("Fairwork Garments Ltd (demo)", "private_sector", nil),
        ("Institute for Mobility Studies (demo)", "academia", nil),
        ("Centre for Survivor Research (demo)", "academia", nil),
    ]

    public static let accounts: [Account] = [
        Account(email: "admin@\(domain)", name: "Demo Admin", password: "demo-admin-pledgetrack", roles: [.admin], entities: []),
        Account(
            email: "secretariat@\(domain)", name: "Demo Secretariat", password: "demo-secretariat-pledgetrack", roles: [.secretariat],
            entities: []),
        Account(
            email: "focal.point@\(domain)", name: "Demo Focal Point", password: "demo-focal-point-pledgetrack", roles: [.focalPoint],
            entities: ["Republic of Examplia (demo)", "Safe Passage Network (demo)"]),
        Account(
            email: "facilitator@\(domain)", name: "Demo Facilitator", password: "demo-facilitator-pledgetrack", roles: [.panelFacilitator],
            entities: []),
        Account(email: "member@\(domain)", name: "Sunflower", password: "demo-member-pledgetrack", roles: [.panelMember], entities: []),
    ]

    /// Loads the demo set when the database has no accounts yet; true when it did.
    @discardableResult
    public static func loadIfEmpty(_ pool: ConnectionPool, hasher: PasswordHasher) async throws -> Bool {
        guard try await pool.queryValue("SELECT NOT EXISTS (SELECT 1 FROM app_user)", as: Bool.self) else { return false }
        var hashes: [String: String] = [:]
        for account in accounts { hashes[account.email] = try await hasher.hash(account.password) }
        let ready = hashes
        return try await pool.transaction { connection in
            // Another instance may have loaded it meanwhile: the lock and the second look settle it.
            try connection.execute("LOCK TABLE app_user IN EXCLUSIVE MODE")
            guard try connection.queryValue("SELECT NOT EXISTS (SELECT 1 FROM app_user)", as: Bool.self) else { return false }
            for entity in entities {
                try connection.execute(
                    "INSERT INTO entity (name, kind, home_country) VALUES (\(entity.name), \(entity.kind), \(entity.country))")
            }
            for account in accounts {
                let id = try connection.queryValue(
                    """
                    INSERT INTO app_user (email, display_name, password_hash, password_changed_at)
                    VALUES (\(account.email), \(account.name), \(ready[account.email]!), now()) RETURNING id
                    """, as: Int.self)
                try connection.execute(
                    "INSERT INTO user_role (user_id, role) SELECT \(id), unnest(\(account.roles.map(\.rawValue))::text[])")
                try connection.execute(
                    "INSERT INTO entity_member (user_id, entity_id) SELECT \(id), id FROM entity WHERE name = ANY(\(account.entities)::text[])"
                )
            }
            let entityIDs = try connection.query("SELECT id FROM entity ORDER BY id") { try $0.decode(0, as: Int.self) }
            let editors = try connection.query(
                """
                SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id
                WHERE r.role IN ('focal_point', 'secretariat') ORDER BY u.id
                """
            ) { try $0.decode(0, as: Int.self) }
            try DemoPledges.load(entities: entityIDs, users: editors, on: connection)
            try DemoFeedback.load(facilitatorEmail: "facilitator@\(domain)", memberEmail: "member@\(domain)", on: connection)
            try Audit.record(
                AuditEvent("demo.loaded", actorID: nil), RequestOrigin(requestID: "demo", clientAddress: "command line"), on: connection)
            return true
        }
    }

    /// The demo accounts that exist in this database (none once an admin removed them).
    public static func presentAccounts(_ pool: ConnectionPool) async throws -> [Account] {
        let present = Set(
            try await pool.query("SELECT email FROM app_user WHERE email LIKE \("%@" + domain) AND disabled_at IS NULL") {
                try $0.decode(0, as: String.self)
            })
        return accounts.filter { present.contains($0.email) }
    }
}
