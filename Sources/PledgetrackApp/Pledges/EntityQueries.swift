import Database

/// The pledging entities as the admin pages read and change them, and the country list the
/// forms choose from.
enum EntityQueries {
    static func list(on connection: Connection) throws -> [EntityListPage.Row] {
        try connection.query(
            """
            SELECT e.id, e.name, e.kind, c.name,
                   (SELECT count(*)::int FROM pledge p WHERE p.owner_entity_id = e.id),
                   (SELECT count(*)::int FROM entity_member m WHERE m.entity_id = e.id)
            FROM entity e LEFT JOIN country c ON c.iso3 = e.home_country
            ORDER BY lower(e.name)
            """
        ) { row in
            EntityListPage.Row(
                id: try row.decode(0), name: try row.decode(1), kind: EntityKind(rawValue: try row.decode(2)) ?? .civilSociety,
                country: try row.decode(3), pledges: try row.decode(4), members: try row.decode(5))
        }
    }

    /// An entity as its form shows it, if it exists.
    static func form(_ id: Int, on connection: Connection) throws -> EntityForm? {
        try connection.queryFirst("SELECT name, kind, COALESCE(home_country::text, '') FROM entity WHERE id = \(id)") { row in
            EntityForm(name: try row.decode(0), kind: try row.decode(1), country: try row.decode(2))
        }
    }

    static func name(_ id: Int, on connection: Connection) throws -> String {
        try connection.queryValue("SELECT name FROM entity WHERE id = \(id)", as: String.self)
    }

    static func exists(_ id: Int, on connection: Connection) throws -> Bool {
        try connection.queryValue("SELECT EXISTS (SELECT 1 FROM entity WHERE id = \(id))", as: Bool.self)
    }

    /// The countries and areas the home-country field offers, by name: those M49 lists where
    /// people live (migration 0013), and the entity's present one, whatever it is.
    static func countries(keeping entityID: Int?, on connection: Connection) throws -> [(iso3: String, name: String)] {
        try connection.query(
            """
            SELECT iso3::text, name FROM country
            WHERE (un_listed AND NOT uninhabited) OR iso3 = (SELECT home_country FROM entity WHERE id = \(entityID ?? 0))
            ORDER BY name
            """
        ) { row in
            (iso3: try row.decode(0, as: String.self), name: try row.decode(1, as: String.self))
        }
    }
}

enum EntityWrites {
    /// Creates the entity (`id` nil) or replaces its fields, with the audit event; returns its id.
    static func save(_ input: EntityForm, id: Int?, actor: SignedInUser?, origin: RequestOrigin, on connection: Connection) throws -> Int {
        let country: String? = input.country.isEmpty ? nil : input.country
        let saved: Int
        if let id {
            try connection.execute(
                "UPDATE entity SET name = \(input.name), kind = \(input.kind), home_country = \(country) WHERE id = \(id)")
            saved = id
        } else {
            saved = try connection.queryValue(
                "INSERT INTO entity (name, kind, home_country) VALUES (\(input.name), \(input.kind), \(country)) RETURNING id", as: Int.self
            )
        }
        try Audit.record(
            AuditEvent(
                id == nil ? "entity.created" : "entity.updated", actorID: actor?.id, targetType: "entity", targetID: String(saved),
                detail: ["name": input.name, "kind": input.kind]), origin, on: connection)
        return saved
    }
}
