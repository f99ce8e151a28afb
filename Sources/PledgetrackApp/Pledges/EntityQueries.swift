import Database

/// The pledging entities as the admin pages read and change them, and the country list the
/// forms choose from.
enum EntityQueries {
    /// The condition on `e` (entity) for an entity that no one can act for: no member who is
    /// a focal point with an account in use.
    static let withoutFocalPoint: SQL = """
        NOT EXISTS (SELECT 1 FROM entity_member m JOIN user_role r ON r.user_id = m.user_id AND r.role = 'focal_point'
                    JOIN app_user u ON u.id = m.user_id AND u.disabled_at IS NULL
                    WHERE m.entity_id = e.id)
        """

    /// The entities, by name; with `withoutFocalPointOnly`, those nobody can act for.
    static func list(
        withoutFocalPointOnly: Bool = false, language: Language = .english, on connection: Connection
    ) throws -> [EntityListPage.Row] {
        try connection.query(
            """
            SELECT e.id, e.name, e.kind, country_name_in(c.iso3, c.name, \(language.rawValue)),
                   (SELECT count(*)::int FROM pledge p WHERE p.owner_entity_id = e.id),
                   (SELECT count(*)::int FROM entity_member m WHERE m.entity_id = e.id)
            FROM entity e LEFT JOIN country c ON c.iso3 = e.home_country
            WHERE \(withoutFocalPointOnly ? withoutFocalPoint : "true")
            ORDER BY lower(e.name)
            """
        ) { row in
            EntityListPage.Row(
                id: try row.decode(0), name: try row.decode(1), kind: EntityKind(rawValue: try row.decode(2)) ?? .civilSociety,
                country: try row.decode(3), pledges: try row.decode(4), members: try row.decode(5))
        }
    }

    struct People: Sendable {
        var focalPoints: [(id: Int, name: String, disabled: Bool)]
        var pledges: Int
    }

    /// The entity's focal points (by name) and the pledges it owns or co-owns.
    static func people(_ id: Int, on connection: Connection) throws -> People {
        let focalPoints = try connection.query(
            """
            SELECT u.id, u.display_name, u.disabled_at IS NOT NULL FROM entity_member m
            JOIN app_user u ON u.id = m.user_id JOIN user_role r ON r.user_id = u.id AND r.role = 'focal_point'
            WHERE m.entity_id = \(id) ORDER BY u.disabled_at IS NOT NULL, lower(u.display_name), u.id
            """
        ) { row in
            (id: try row.decode(0, as: Int.self), name: try row.decode(1, as: String.self), disabled: try row.decode(2, as: Bool.self))
        }
        let pledges = try connection.queryValue(
            """
            SELECT count(*)::int FROM pledge p
            WHERE p.owner_entity_id = \(id) OR EXISTS (SELECT 1 FROM pledge_co_owner o WHERE o.pledge_id = p.id AND o.entity_id = \(id))
            """, as: Int.self)
        return People(focalPoints: focalPoints, pledges: pledges)
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
