import Database
import Hummingbird

/// `/admin/users`: invite people, give them roles and entities, disable accounts, end their
/// sessions. Admins and the secretariat manage accounts; only an admin may touch an admin's
/// account or give the admin role, and nobody disables their own account.
struct UserAdminController {
    let pool: ConnectionPool
    let cookies: CookiePolicy
    let publicURL: String

    static let managers: Access = .roles([.admin, .secretariat])

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/admin/users", Self.managers, list)
        routes.get("/admin/users/new", Self.managers, showInvite)
        routes.post("/admin/users/new", Self.managers, invite)
        routes.get("/admin/users/{id}", Self.managers, show)
        routes.post("/admin/users/{id}", Self.managers, update)
        routes.post("/admin/users/{id}/disable", Self.managers, disable)
        routes.post("/admin/users/{id}/enable", Self.managers, enable)
        routes.post("/admin/users/{id}/end-sessions", Self.managers, endSessions)
        routes.post("/admin/users/{id}/invitation", Self.managers, newInvitation)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let page = request.uri.queryParameters["page"].flatMap { Int($0) }.map { max(1, min($0, 100_000)) } ?? 1
        let (users, total) = try await pool.withConnection { connection in try AccountQueries.list(page: page, on: connection) }
        return HTMLResponse(UserListPage(users: users, total: total, page: page), request, context)
    }

    @Sendable func showInvite(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await form(request, context, UserEditPage.Mode.invite, UserForm(), FieldErrors(), status: .ok)
    }

    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let actor = context.user else { throw HTTPError(.forbidden) }
        let input = UserForm(context.form)
        if input.search.requested != nil {  // "Search" in the entity picker: the form back as typed, nothing saved
            return try await form(request, context, .invite, input, FieldErrors(), status: .ok)
        }
        let entities = try await pool.withConnection { connection in try AccountQueries.entities(on: connection) }
        var errors = input.validate(includingEmail: true, actor: actor, knownEntities: Set(entities.map(\.id)))
        guard errors.isEmpty else { return try await form(request, context, .invite, input, errors, status: .unprocessableContent) }
        let origin = context.origin
        do {
            let (userID, token) = try await pool.transaction { connection -> (Int, String) in
                let id = try AccountWrites.createUser(email: input.email, displayName: input.displayName, on: connection)
                try AccountWrites.setRolesAndEntities(userID: id, roles: input.roles, entityIDs: input.entityIDs, on: connection)
                let token = try Invitations.create(userID: id, by: actor.id, on: connection)
                try Audit.record(
                    AuditEvent(
                        "user.invited", actorID: actor.id, targetType: "user", targetID: String(id),
                        detail: ["roles": input.roles.sorted().map(\.rawValue).joined(separator: ",")]), origin, on: connection)
                return (id, token)
            }
            let pageContext = request.pageContext(context)
            let link = "\(publicURL)/invite/\(token)"
            return HTMLResponse(
                page: InvitationLinkPage(userID: userID, name: input.displayName, link: link).page(pageContext), context: pageContext)
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            errors.add("email", .emailTaken)
            return try await form(request, context, .invite, input, errors, status: .unprocessableContent)
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let user = try await target(context)
        let input = UserForm(email: user.email, displayName: user.displayName, roles: user.roles, entityIDs: user.entityIDs)
        return try await form(request, context, .edit(user), input, FieldErrors(), status: .ok)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.user else { throw HTTPError(.forbidden) }
        let user = try await target(context)
        try Self.authorize(actor, toChange: user)
        try await refuseIfSurvivor(user, actor: actor, attempt: "roles", context)
        var input = UserForm(context.form)
        input.email = user.email
        if input.search.requested != nil {  // "Search" in the entity picker: the form back as typed, nothing saved
            return try await form(request, context, .edit(user), input, FieldErrors(), status: .ok).response(
                from: request, context: context)
        }
        let entities = try await pool.withConnection { connection in try AccountQueries.entities(on: connection) }
        var errors = input.validate(includingEmail: false, actor: actor, knownEntities: Set(entities.map(\.id)))
        let rightsChanged = input.roles != user.roles || input.entityIDs != user.entityIDs
        // Nobody edits their own roles or entities: another manager does, and it is recorded.
        if actor.id == user.id, rightsChanged { errors.add("role", .cannotChangeOwnRoles) }
        guard errors.isEmpty else {
            return try await form(request, context, .edit(user), input, errors, status: .unprocessableContent).response(
                from: request, context: context)
        }
        let origin = context.origin
        let accepted = input
        try await pool.transaction { connection in
            try AccountWrites.rename(userID: user.id, displayName: accepted.displayName, on: connection)
            try AccountWrites.setRolesAndEntities(userID: user.id, roles: accepted.roles, entityIDs: accepted.entityIDs, on: connection)
            if rightsChanged {
                // Sessions started under the old roles end: the next sign-in asks for what the
                // new roles need (a second factor), and the owner is told.
                try SessionStore.endAll(userID: user.id, on: connection)
                try SecurityNotices.add(.rolesChanged, userID: user.id, on: connection)
            }
            try Audit.record(
                AuditEvent(
                    "user.updated", actorID: actor.id, targetType: "user", targetID: String(user.id),
                    detail: [
                        "roles_before": user.roles.sorted().map(\.rawValue).joined(separator: ","),
                        "roles_after": accepted.roles.sorted().map(\.rawValue).joined(separator: ","),
                        "entities_before": user.entityIDs.sorted().map(String.init).joined(separator: ","),
                        "entities_after": accepted.entityIDs.sorted().map(String.init).joined(separator: ","),
                    ]), origin, on: connection)
        }
        return cookies.redirect("/admin/users/\(user.id)", flash: .flashUserSaved)
    }

    @Sendable func disable(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(context, action: "user.disabled", flash: .flashUserDisabled, refuseSelf: true) { connection, user in
            try AccountWrites.disable(userID: user.id, on: connection)
            try SessionStore.endAll(userID: user.id, on: connection)  // signed out at once
        }
    }

    @Sendable func enable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try await target(context)
        // A member who deleted their account chose to leave: it stays closed.
        if user.deleted {
            return cookies.redirect("/admin/users/\(user.id)", flash: .flashDeletedAccountStaysClosed)
        }
        return try await act(context, action: "user.enabled", flash: .flashUserEnabled, refuseSelf: true) { connection, user in
            try AccountWrites.enable(userID: user.id, on: connection)
        }
    }

    @Sendable func endSessions(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(context, action: "user.sessions_ended", flash: .flashSessionsEnded, refuseSelf: false) { connection, user in
            try SessionStore.endAll(userID: user.id, except: context.session, on: connection)
        }
    }

    @Sendable func newInvitation(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let actor = context.user else { throw HTTPError(.forbidden) }
        let user = try await target(context)
        try Self.authorize(actor, toChange: user)
        guard user.status != .disabled else { throw HTTPError(.conflict) }
        // A survivor's password is theirs alone: a link to set it would let staff in as them.
        // Known from the account's data, whatever its roles are now (the trigger on
        // `invitation` refuses it as well).
        try await refuseIfSurvivor(user, actor: actor, attempt: "password_link", context)
        let origin = context.origin
        let token = try await pool.transaction { connection in
            let token = try Invitations.create(userID: user.id, by: actor.id, on: connection)
            try Audit.record(
                AuditEvent("user.invitation_created", actorID: actor.id, targetType: "user", targetID: String(user.id)), origin,
                on: connection)
            return token
        }
        let pageContext = request.pageContext(context)
        return HTMLResponse(
            page: InvitationLinkPage(userID: user.id, name: user.displayName, link: "\(publicURL)/invite/\(token)").page(pageContext),
            context: pageContext)
    }

    // MARK: Helpers

    /// A survivor's account is changed by nobody else: the attempt is refused and recorded.
    private func refuseIfSurvivor(
        _ user: AccountQueries.Detail, actor: SignedInUser, attempt: String, _ context: AppRequestContext
    ) async throws {
        guard user.survivor else { return }
        let origin = context.origin
        try await pool.withConnection { connection in
            try Audit.record(
                AuditEvent(
                    "user.change_refused", actorID: actor.id, targetType: "user", targetID: String(user.id),
                    detail: ["attempt": attempt, "reason": "survivor_account"]), origin, on: connection)
        }
        throw HTTPError(.forbidden, message: "survivor account")
    }

    /// Only an admin may change an admin's account.
    static func authorize(_ actor: SignedInUser, toChange user: AccountQueries.Detail) throws {
        if user.roles.contains(.admin), !actor.has(.admin) { throw HTTPError(.forbidden) }
    }

    private func target(_ context: AppRequestContext) async throws -> AccountQueries.Detail {
        guard let id = context.intParameter("id") else { throw HTTPError(.notFound) }
        guard let user = try await pool.withConnection({ connection in try AccountQueries.detail(id: id, on: connection) }) else {
            throw HTTPError(.notFound)
        }
        return user
    }

    private func act(
        _ context: AppRequestContext, action: String, flash: Strings.Key, refuseSelf: Bool,
        _ change: @escaping @Sendable (Connection, AccountQueries.Detail) throws -> Void
    ) async throws -> Response {
        guard let actor = context.user else { throw HTTPError(.forbidden) }
        let user = try await target(context)
        try Self.authorize(actor, toChange: user)
        if refuseSelf, actor.id == user.id { throw HTTPError(.forbidden) }
        let origin = context.origin
        try await pool.transaction { connection in
            try change(connection, user)
            try Audit.record(AuditEvent(action, actorID: actor.id, targetType: "user", targetID: String(user.id)), origin, on: connection)
        }
        return cookies.redirect("/admin/users/\(user.id)", flash: flash)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, _ mode: UserEditPage.Mode, _ input: UserForm, _ errors: FieldErrors,
        status: HTTPResponse.Status
    ) async throws -> HTMLResponse {
        let entities = try await pool.withConnection { connection in try AccountQueries.entities(on: connection) }
        let pageContext = request.pageContext(context)
        let page = UserEditPage(mode: mode, input: input, entities: entities, errors: errors, actor: context.user).page(pageContext)
        return HTMLResponse(status: status, page: page, context: pageContext)
    }
}
