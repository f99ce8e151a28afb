import Database
import Foundation

/// Survivor-participation panels: who runs them, which countries they cover, who is in them.
/// Whether a reader may open a panel is decided in SQL (`readable`), from the tables.
enum PanelQueries {
    struct Summary: Sendable {
        let id: Int
        let name: String
        let facilitator: String?
        let countries: [String]
        let members: Int
        let awaitingModeration: Int
    }

    struct Detail: Sendable {
        let id: Int
        let name: String
        let facilitatorID: Int?
        let facilitator: String?
        let countryCodes: [String]
        let flagThreshold: Int
        let members: [Member]
        /// When the present facilitator was made so by a change (an admin's), if they were:
        /// the panel's members are shown it.
        var facilitatorChangedAt: Date? = nil

        /// Its own facilitator.
        func isFacilitated(by user: SignedInUser) -> Bool { user.has(.panelFacilitator) && facilitatorID == user.id }

        /// Who moderates it and brings members in: the secretariat and its own facilitator.
        func isRun(by user: SignedInUser) -> Bool { user.has(.secretariat) || isFacilitated(by: user) }
    }

    struct Member: Sendable {
        let userID: Int
        let pseudonym: String
        let joinedAt: Date
        let consentVersion: Int?
    }

    /// A panel member's own panel and where their consent stands.
    struct Membership: Sendable {
        let panelID: Int
        let panelName: String
        let consentVersion: Int?
        let currentNotice: Int
        var hasConsented: Bool { consentVersion == currentNotice }
    }

    /// The SQL condition on `p` (a panel) for who may open it: the secretariat, its
    /// facilitator, its members.
    static func readable(by reader: Int) -> SQL {
        """
        (EXISTS (SELECT 1 FROM user_role WHERE user_id = \(reader) AND role = 'secretariat')
         OR (COALESCE(p.facilitator_id = \(reader), false) AND EXISTS (SELECT 1 FROM user_role WHERE user_id = \(reader) AND role = 'panel_facilitator'))
         OR EXISTS (SELECT 1 FROM panel_member m WHERE m.panel_id = p.id AND m.user_id = \(reader)))
        """
    }

    /// The panels a person may open, by name.
    static func list(reader: Int, language: Language = .english, on connection: Connection) throws -> [Summary] {
        let lang = language.rawValue
        return try connection.query(
            """
            SELECT p.id, p.name, u.display_name,
                   ARRAY(SELECT country_name_in(c.iso3, c.name, \(lang)) FROM panel_country pc JOIN country c ON c.iso3 = pc.country_iso3
                         WHERE pc.panel_id = p.id ORDER BY country_name_in(c.iso3, c.name, \(lang)) \(language.collate)),
                   (SELECT count(*)::int FROM panel_member m WHERE m.panel_id = p.id), COALESCE(w.waiting, 0)
            FROM panel p LEFT JOIN app_user u ON u.id = p.facilitator_id
            LEFT JOIN (SELECT f.panel_id, count(*)::int AS waiting FROM feedback_moderated_by(\(reader)) f
                       WHERE f.withdrawn_at IS NULL AND f.moderation <> 'published' GROUP BY 1) w ON w.panel_id = p.id
            WHERE \(readable(by: reader))
            ORDER BY lower(p.name)
            """
        ) { row in
            Summary(
                id: try row.decode(0), name: try row.decode(1), facilitator: try row.decode(2), countries: try row.decode(3),
                members: try row.decode(4), awaitingModeration: try row.decode(5))
        }
    }

    /// The names of the panels a person may open, for filters.
    static func names(reader: Int, on connection: Connection) throws -> [(id: Int, name: String)] {
        try connection.query("SELECT p.id, p.name FROM panel p WHERE \(readable(by: reader)) ORDER BY lower(p.name)") { row in
            (try row.decode(0), try row.decode(1))
        }
    }

    /// A panel, if it exists; `readable` says whether this reader may open it.
    static func detail(_ id: Int, reader: Int, on connection: Connection) throws -> (panel: Detail, readable: Bool)? {
        let members = try connection.query(
            """
            SELECT m.user_id, COALESCE(u.pseudonym, u.display_name), m.joined_at, m.consent_version
            FROM panel_member m JOIN app_user u ON u.id = m.user_id
            WHERE m.panel_id = \(id) ORDER BY lower(COALESCE(u.pseudonym, u.display_name))
            """
        ) { row in
            Member(userID: try row.decode(0), pseudonym: try row.decode(1), joinedAt: try row.decode(2), consentVersion: try row.decode(3))
        }
        return try connection.queryFirst(
            """
            SELECT p.id, p.name, p.facilitator_id, u.display_name,
                   ARRAY(SELECT country_iso3::text FROM panel_country WHERE panel_id = p.id ORDER BY 1),
                   p.flag_threshold::int, \(readable(by: reader)),
                   (SELECT max(c.at) FROM panel_facilitator_change c WHERE c.panel_id = p.id
                    AND EXISTS (SELECT 1 FROM panel_facilitator_change e WHERE e.panel_id = p.id AND e.at < c.at))
            FROM panel p LEFT JOIN app_user u ON u.id = p.facilitator_id
            WHERE p.id = \(id)
            """
        ) { row in
            (
                Detail(
                    id: try row.decode(0), name: try row.decode(1), facilitatorID: try row.decode(2), facilitator: try row.decode(3),
                    countryCodes: try row.decode(4), flagThreshold: try row.decode(5), members: members,
                    facilitatorChangedAt: try row.decode(7)),
                try row.decode(6, as: Bool.self)
            )
        }
    }

    static func exists(_ id: Int, on connection: Connection) throws -> Bool {
        try connection.queryValue("SELECT EXISTS (SELECT 1 FROM panel WHERE id = \(id))", as: Bool.self)
    }

    /// Another panel (not `id`) has this name, whatever its case.
    static func nameTaken(_ name: String, besides id: Int?, on connection: Connection) throws -> Bool {
        try connection.queryValue(
            "SELECT EXISTS (SELECT 1 FROM panel WHERE lower(name) = lower(\(name)) AND id IS DISTINCT FROM \(id))", as: Bool.self)
    }

    /// The countries a panel names now (none for a new panel, `id` nil): they stay choosable
    /// on its form even when no longer offered.
    static func countryCodes(of id: Int?, on connection: Connection) throws -> [String] {
        try connection.query("SELECT country_iso3::text FROM panel_country WHERE panel_id = \(id)") { try $0.decode(0, as: String.self) }
    }

    /// Who facilitates a panel now (nil: nobody, or no such panel).
    static func facilitatorID(of id: Int, on connection: Connection) throws -> Int? {
        try connection.queryFirst("SELECT facilitator_id FROM panel WHERE id = \(id)") { try $0.decode(0, as: Int?.self) } ?? nil
    }

    /// People who can be made a panel's facilitator: active accounts with that role.
    static func facilitators(on connection: Connection) throws -> [(id: Int, name: String)] {
        try connection.query(
            """
            SELECT u.id, u.display_name FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'panel_facilitator'
            WHERE u.disabled_at IS NULL ORDER BY lower(u.display_name)
            """
        ) { row in (try row.decode(0), try row.decode(1)) }
    }

    static func membership(userID: Int, on connection: Connection) throws -> Membership? {
        try connection.queryFirst(
            """
            SELECT m.panel_id, p.name, m.consent_version, (SELECT max(version) FROM consent_notice)
            FROM panel_member m JOIN panel p ON p.id = m.panel_id
            WHERE m.user_id = \(userID)
            """
        ) { row in
            Membership(
                panelID: try row.decode(0), panelName: try row.decode(1), consentVersion: try row.decode(2),
                currentNotice: try row.decode(3))
        }
    }

    /// The panel an unused, unexpired link leads to.
    static func openInvitation(token: String, on connection: Connection) throws -> (panelID: Int, panelName: String)? {
        try connection.queryFirst(
            """
            SELECT p.id, p.name FROM panel_invitation i JOIN panel p ON p.id = i.panel_id
            WHERE i.token_hash = sha256(convert_to(\(token), 'UTF8')) AND i.used_at IS NULL AND i.expires_at > now()
            """
        ) { row in (try row.decode(0), try row.decode(1)) }
    }
}

/// What changes panels and their one-time links; each caller runs these in its transaction,
/// with the audit event.
enum PanelWrites {

    /// Creates a panel, or replaces an existing one's settings; returns its id, or nil when the
    /// facilitator would change and `byAdmin` is false (decided in the statement: only an admin
    /// changes who facilitates a panel that exists). A change is recorded for the members to see.
    static func save(_ valid: PanelForm.Valid, id: Int?, actor: Int?, byAdmin: Bool, on connection: Connection) throws -> Int? {
        let panelID: Int
        if let id {
            let changed = try connection.queryFirst(
                """
                WITH old AS (SELECT facilitator_id FROM panel WHERE id = \(id) FOR UPDATE)
                UPDATE panel p SET name = \(valid.name), facilitator_id = \(valid.facilitatorID), flag_threshold = \(valid.flagThreshold)
                FROM old
                WHERE p.id = \(id) AND (\(byAdmin) OR old.facilitator_id IS NOT DISTINCT FROM \(valid.facilitatorID)::bigint)
                RETURNING old.facilitator_id IS DISTINCT FROM \(valid.facilitatorID)::bigint
                """
            ) { try $0.decode(0, as: Bool.self) }
            guard let changed else { return nil }
            if changed {
                try connection.execute(
                    """
                    INSERT INTO panel_facilitator_change (panel_id, facilitator_id, changed_by) VALUES (\(id), \(valid.facilitatorID), \(actor))
                    """)
            }
            panelID = id
        } else {
            panelID = try connection.queryValue(
                """
                INSERT INTO panel (name, facilitator_id, flag_threshold) VALUES (\(valid.name), \(valid.facilitatorID), \(valid.flagThreshold))
                RETURNING id
                """, as: Int.self)
            try connection.execute(
                """
                INSERT INTO panel_facilitator_change (panel_id, facilitator_id, changed_by) VALUES (\(panelID), \(valid.facilitatorID), \(actor))
                """)
        }
        try connection.execute("DELETE FROM panel_country WHERE panel_id = \(panelID)")
        try connection.execute("INSERT INTO panel_country (panel_id, country_iso3) SELECT \(panelID), unnest(\(valid.countries)::text[])")
        return panelID
    }

    static let linkValidHours = 72

    /// A new one-time link for joining a panel.
    static func createInvitation(panelID: Int, by creator: Int, on connection: Connection) throws -> String {
        let token = SecretToken.make()
        try connection.execute(
            """
            INSERT INTO panel_invitation (token_hash, panel_id, created_by, expires_at)
            VALUES (sha256(convert_to(\(token), 'UTF8')), \(panelID), \(creator), now() + make_interval(hours => \(linkValidHours)))
            """)
        return token
    }

    /// Tries a join link allows, refused or not; the next one finds it used up.
    static let linkAttempts = 5

    /// Counts one try at a link, in its own transaction so a refusal still counts; false when
    /// the link is unknown, expired, used, or has no tries left (then it is used up for good).
    static func countAttempt(token: String, on connection: Connection) throws -> Bool {
        try connection.queryFirst(
            """
            UPDATE panel_invitation
            SET attempts = attempts + 1, used_at = CASE WHEN attempts + 1 > \(linkAttempts) THEN now() END
            WHERE token_hash = sha256(convert_to(\(token), 'UTF8')) AND used_at IS NULL AND expires_at > now()
            RETURNING attempts <= \(linkAttempts)
            """
        ) { try $0.decode(0, as: Bool.self) } ?? false
    }

    enum JoinOutcome: Equatable {
        case joined(userID: Int)
        case linkUsed
        case pseudonymTaken
        case emailTaken
    }

    /// Uses the link up and makes the member's account, in the caller's transaction: only a
    /// pseudonym, a password hash and, if given, an e-mail for signing in. The display name
    /// that staff pages (users, audit) show is a neutral "Panel member": only the member's own
    /// panel knows the pseudonym.
    static func join(
        token: String, pseudonym: String, email: String?, passwordHash: String, on connection: Connection
    ) throws -> JoinOutcome {
        if try connection.queryValue("SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(pseudonym) = lower(\(pseudonym)))", as: Bool.self) {
            return .pseudonymTaken
        }
        if let email, try connection.queryValue("SELECT EXISTS (SELECT 1 FROM app_user WHERE email = \(email))", as: Bool.self) {
            return .emailTaken
        }
        guard
            let panelID = try connection.queryFirst(
                """
                UPDATE panel_invitation SET used_at = now()
                WHERE token_hash = sha256(convert_to(\(token), 'UTF8')) AND used_at IS NULL AND expires_at > now()
                RETURNING panel_id
                """, { try $0.decode(0, as: Int.self) })
        else { return .linkUsed }
        let userID = try connection.queryValue(
            """
            INSERT INTO app_user (email, display_name, pseudonym, password_hash, password_changed_at, survivor)
            VALUES (\(email), 'Panel member', \(pseudonym), \(passwordHash), now(), true) RETURNING id
            """, as: Int.self)
        try connection.execute("INSERT INTO user_role (user_id, role) VALUES (\(userID), 'panel_member')")
        try connection.execute("INSERT INTO panel_member (user_id, panel_id) VALUES (\(userID), \(panelID))")
        return .joined(userID: userID)
    }
}
