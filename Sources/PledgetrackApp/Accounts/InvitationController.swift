import Database
import Hummingbird

/// `/invite/{token}`: the one-time link an admin hands over; the person sets a password.
struct InvitationController {
    let pool: ConnectionPool
    let hasher: PasswordHasher
    let cookies: CookiePolicy

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/invite/{token}", .everyone, show)
        routes.post("/invite/{token}", .everyone, accept)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let invitation = try await pool.withConnection { connection in try Invitations.find(token: token, on: connection) }
        return try page(invitation.map { InvitationPage(invitation: $0, token: token, errors: FieldErrors()) }, request, context)
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let password = context.form.string("password")
        let confirmation = context.form.string("password_confirmation")
        guard let invitation = try await pool.withConnection({ connection in try Invitations.find(token: token, on: connection) }) else {
            return try page(nil, request, context)
        }
        let problem = try await pool.withConnection { connection in
            try PasswordPolicy.problem(with: password, confirmation: confirmation, on: connection)
        }
        if let problem {
            var errors = FieldErrors()
            errors.add(problem == .passwordsDiffer ? "password_confirmation" : "password", problem)
            return try page(
                InvitationPage(invitation: invitation, token: token, errors: errors), request, context, status: .unprocessableContent)
        }
        let hash = try await hasher.hash(password)
        let origin = context.origin
        let used = try await pool.transaction { connection -> Bool in
            guard try Invitations.use(token: token, on: connection) else { return false }
            try AccountWrites.setPassword(userID: invitation.userID, hash: hash, on: connection)
            try SessionStore.endAll(userID: invitation.userID, on: connection)
            try Audit.record(
                AuditEvent(
                    "password.set_by_invitation", actorID: invitation.userID, targetType: "user", targetID: String(invitation.userID)),
                origin, on: connection)
            return true
        }
        guard used else { return try page(nil, request, context) }
        return cookies.redirect("/login", flash: .flashPasswordSet)
    }

    /// The form, or (nil) the page that says the link is no longer valid.
    private func page(
        _ view: InvitationPage?, _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try HTMLResponse.formBeforeSignIn(status: view == nil ? .gone : status, request, context, cookies) { pageContext in
            view?.page(pageContext) ?? InvitationPage.invalid(pageContext.strings)
        }
    }
}
