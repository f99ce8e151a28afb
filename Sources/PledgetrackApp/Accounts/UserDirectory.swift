import Database
import Foundation

/// Accounts as the user-management pages see them.
extension AccountQueries {
    struct Listed: Sendable {
        let id: Int
        let displayName: String
        let email: String
        let roles: [Role]
        let entities: [String]
        let status: Status
        let lastSeen: Date?
    }

    enum Status: Sendable { case active, invited, disabled }

    struct Detail: Sendable {
        let id: Int
        let displayName: String
        let email: String
        let roles: Set<Role>
        let entityIDs: Set<Int>
        let status: Status
        let hasSecondFactor: Bool
        /// A survivor's account (joined a panel), known from its data: nobody else changes it.
        let survivor: Bool
        /// The member deleted it: it is never enabled again.
        let deleted: Bool
    }

    struct EntityOption: Sendable {
        let id: Int
        let name: String
    }

    static let pageSize = 100

    /// A panel member's e-mail is for their sign-in only: no other page shows it.
    static let shownEmail: SQL = "COALESCE(CASE WHEN u.pseudonym IS NULL THEN u.email END, '')"

    static func list(page: Int, on connection: Connection) throws -> (users: [Listed], total: Int) {
        let total = try connection.queryValue("SELECT count(*)::int FROM app_user", as: Int.self)
        let users = try connection.query(
            """
            SELECT u.id, u.display_name, \(AccountQueries.shownEmail),
                   ARRAY(SELECT role FROM user_role WHERE user_id = u.id ORDER BY role),
                   ARRAY(SELECT e.name FROM entity_member m JOIN entity e ON e.id = m.entity_id WHERE m.user_id = u.id ORDER BY e.name),
                   CASE WHEN u.disabled_at IS NOT NULL THEN 'disabled' WHEN u.password_hash IS NULL THEN 'invited' ELSE 'active' END,
                   (SELECT max(last_seen_at) FROM user_session WHERE user_id = u.id)
            FROM app_user u
            ORDER BY lower(u.display_name), u.id
            LIMIT \(pageSize) OFFSET \(max(0, page - 1) * pageSize)
            """
        ) { row in
            Listed(
                id: try row.decode(0), displayName: try row.decode(1), email: try row.decode(2),
                roles: try row.decode(3, as: [String].self).compactMap(Role.init(rawValue:)),
                entities: try row.decode(4), status: status(try row.decode(5)), lastSeen: try row.decode(6))
        }
        return (users, total)
    }

    static func detail(id: Int, on connection: Connection) throws -> Detail? {
        try connection.queryFirst(
            """
            SELECT u.id, u.display_name, \(AccountQueries.shownEmail),
                   ARRAY(SELECT role FROM user_role WHERE user_id = u.id),
                   ARRAY(SELECT entity_id FROM entity_member WHERE user_id = u.id),
                   CASE WHEN u.disabled_at IS NOT NULL THEN 'disabled' WHEN u.password_hash IS NULL THEN 'invited' ELSE 'active' END,
                   u.totp_secret IS NOT NULL, is_survivor_account(u.id), u.deleted_at IS NOT NULL
            FROM app_user u WHERE u.id = \(id)
            """
        ) { row in
            Detail(
                id: try row.decode(0), displayName: try row.decode(1), email: try row.decode(2),
                roles: Set(try row.decode(3, as: [String].self).compactMap(Role.init(rawValue:))),
                entityIDs: Set(try row.decode(4, as: [Int].self)), status: status(try row.decode(5)),
                hasSecondFactor: try row.decode(6), survivor: try row.decode(7), deleted: try row.decode(8))
        }
    }

    static func entities(on connection: Connection) throws -> [EntityOption] {
        try connection.query("SELECT id, name FROM entity ORDER BY lower(name)") { row in
            EntityOption(id: try row.decode(0), name: try row.decode(1))
        }
    }

    private static func status(_ text: String) -> Status {
        switch text {
        case "disabled": return .disabled
        case "invited": return .invited
        default: return .active
        }
    }
}

extension AccountWrites {
    struct SurvivorAccountRefused: Error {}

    /// Replaces a user's roles and entities with these. A survivor's account is refused here
    /// (and by the triggers of migration 0012): its roles come from joining and leaving a panel.
    static func setRolesAndEntities(userID: Int, roles: Set<Role>, entityIDs: Set<Int>, on connection: Connection) throws {
        let cleared = try connection.queryValue(
            """
            WITH gone AS (DELETE FROM user_role WHERE user_id = \(userID) AND NOT is_survivor_account(\(userID)) RETURNING 1)
            SELECT NOT is_survivor_account(\(userID))
            """, as: Bool.self)
        guard cleared else { throw SurvivorAccountRefused() }
        try connection.execute("INSERT INTO user_role (user_id, role) SELECT \(userID), unnest(\(roles.map(\.rawValue))::text[])")
        try connection.execute("DELETE FROM entity_member WHERE user_id = \(userID)")
        try connection.execute("INSERT INTO entity_member (user_id, entity_id) SELECT \(userID), unnest(\(Array(entityIDs))::bigint[])")
    }
}

/// The fields of the invite and edit forms, read and checked.
struct UserForm: Sendable {
    var email: String
    var displayName: String
    var roles: Set<Role>
    var entityIDs: Set<Int>
    /// The entity picker's search text, and whether its "Search" sent the form.
    var search = PickerSearch()

    init(email: String = "", displayName: String = "", roles: Set<Role> = [], entityIDs: Set<Int> = []) {
        self.email = email
        self.displayName = displayName
        self.roles = roles
        self.entityIDs = entityIDs
    }

    init(_ form: FormData) {
        email = form.trimmed("email").lowercased()
        displayName = form.trimmed("display_name")
        roles = Set(form.strings("role").compactMap(Role.init(rawValue:)))
        entityIDs = Set(form.strings("entity").compactMap { Int($0) })
        search = PickerSearch(form, ["entity"])
    }

    /// Problems a person can fix, by field. `actor` decides whether the admin role may be given.
    func validate(includingEmail: Bool, actor: SignedInUser, knownEntities: Set<Int>) -> FieldErrors {
        var errors = FieldErrors()
        if includingEmail {
            let parts = email.split(separator: "@")
            if email.isEmpty || email.length > 254 || parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".")
                || email.contains(where: \.isWhitespace)
            {
                errors.add("email", .emailInvalid)
            }
        }
        if displayName.isEmpty || displayName.length > 100 { errors.add("display_name", .displayNameInvalid) }
        if roles.isEmpty { errors.add("role", .rolesMissing) }
        if roles.contains(.admin), !actor.has(.admin) { errors.add("role", .adminRoleAdminsOnly) }
        // Membership of a panel comes from its one-time link, never from a manager.
        if roles.contains(.panelMember) { errors.add("role", .panelMemberRoleByLinkOnly) }
        if roles.contains(.focalPoint), entityIDs.isEmpty { errors.add("entity", .focalPointNeedsEntity) }
        if !entityIDs.isSubset(of: knownEntities) { errors.add("entity", .entityUnknown) }
        return errors
    }
}
