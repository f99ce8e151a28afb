import Database
import Hummingbird

/// `/account`: the signed-in person's own account: change the password, see and end sessions.
struct AccountController {
    let db: ConnectionPool
    let hasher: PasswordHasher
    let cookies: CookiePolicy

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/account", .signedIn, show)
        routes.post("/account/password", .signedIn, changePassword)
        routes.post("/account/sessions/end-others", .signedIn, endOtherSessions)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await render(request, context, errors: FieldErrors(), status: .ok)
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let form = context.form
        let current = form.string("current_password")
        let new = form.string("password")
        let stored = try await db.queryValue("SELECT password_hash FROM app_user WHERE id = \(session.user.id)", as: String?.self)
        var errors = FieldErrors()
        if try await !hasher.verify(current, against: stored) {
            errors.add("current_password", .currentPasswordWrong)
        } else if let problem = try await db.withConnection({ db in
            try PasswordPolicy.problem(with: new, confirmation: form.string("password_confirmation"), on: db)
        }) {
            errors.add(problem == .passwordsDiffer ? "password_confirmation" : "password", problem)
        }
        guard errors.isEmpty else {
            return try await render(request, context, errors: errors, status: .unprocessableContent).response(from: request, context: context)
        }
        let hash = try await hasher.hash(new)
        let origin = context.origin
        try await db.transaction { db in
            try db.execute("UPDATE app_user SET password_hash = \(hash), password_changed_at = now() WHERE id = \(session.user.id)")
            // Whoever knew the old password is signed out everywhere else.
            try SessionStore.endAll(userID: session.user.id, except: session, on: db)
            try Audit.record(AuditEvent("password.changed", actorID: session.user.id, targetType: "user", targetID: String(session.user.id)), origin, on: db)
        }
        return .seeOther("/account", setting: [cookies.make(cookies.flash, Strings.Key.flashPasswordChanged.rawValue)])
    }

    @Sendable func endOtherSessions(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let origin = context.origin
        try await db.transaction { db in
            let ended = try SessionStore.endAll(userID: session.user.id, except: session, on: db)
            try Audit.record(AuditEvent("sessions.ended_others", actorID: session.user.id, targetType: "user",
                                        targetID: String(session.user.id), detail: ["count": String(ended)]), origin, on: db)
        }
        return .seeOther("/account", setting: [cookies.make(cookies.flash, Strings.Key.flashSessionsEnded.rawValue)])
    }

    private func render(_ request: Request, _ context: AppRequestContext, errors: FieldErrors, status: HTTPResponse.Status) async throws -> HTMLResponse {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let sessions = try await db.query("""
            SELECT created_at, last_seen_at, client_address, user_agent, token_hash = decode(\(session.tokenHashHex), 'hex')
            FROM user_session
            WHERE user_id = \(session.user.id) AND ended_at IS NULL AND expires_at > now() AND last_seen_at + idle_timeout > now()
            ORDER BY last_seen_at DESC
            """) { row in
            AccountPage.SessionRow(started: try row.decode(0), lastSeen: try row.decode(1), client: try row.decode(2),
                                   userAgent: try row.decode(3), isCurrent: try row.decode(4))
        }
        let pageContext = request.pageContext(context)
        return HTMLResponse(status: status, page: AccountPage(user: session.user, sessions: sessions, errors: errors).page(pageContext), context: pageContext)
    }
}
