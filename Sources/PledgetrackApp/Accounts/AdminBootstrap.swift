import Database

/// `pledgetrack create-admin`: the first account on a new installation, an admin with a
/// one-time link to set the password (and then the second factor).
public enum AdminBootstrap {
    public enum Failure: Error, CustomStringConvertible {
        case invalid(String)
        case exists(String)

        public var description: String {
            switch self {
            case .invalid(let reason): return reason
            case .exists(let email): return "an account with the e-mail address \(email) exists already"
            }
        }
    }

    /// Creates the admin and returns the set-password link.
    public static func createAdmin(email: String, name: String, publicURL: String, on pool: ConnectionPool) async throws -> String {
        let input = UserForm(email: email.lowercased(), displayName: name, roles: [.admin], entityIDs: [])
        let system = SignedInUser(id: 0, email: "", displayName: "", roles: [.admin], entityIDs: [])
        let errors = input.validate(includingEmail: true, actor: system, knownEntities: [])
        if let first = errors.messages.first { throw Failure.invalid(Strings(.english)[first.message]) }
        do {
            let token = try await pool.transaction { connection -> String in
                let id = try connection.queryValue(
                    "INSERT INTO app_user (email, display_name) VALUES (\(input.email), \(input.displayName)) RETURNING id", as: Int.self)
                try AccountWrites.setRolesAndEntities(userID: id, roles: [.admin], entityIDs: [], on: connection)
                try Audit.record(
                    AuditEvent("user.created_by_command", actorID: nil, targetType: "user", targetID: String(id)),
                    RequestOrigin(requestID: "create-admin", clientAddress: "command line"), on: connection)
                return try Invitations.create(userID: id, by: nil, on: connection)
            }
            return "\(publicURL)/invite/\(token)"
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            throw Failure.exists(input.email)
        }
    }
}
