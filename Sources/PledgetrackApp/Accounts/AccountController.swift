import Database
import Hummingbird

/// `/account`: the signed-in person's own account: change the password, see and end sessions.
struct AccountController {
    let pool: ConnectionPool
    let hasher: PasswordHasher
    let cookies: CookiePolicy
    let secondFactorKey: SecondFactorKey

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/account", .signedIn, show)
        routes.post("/account/password", .signedIn, changePassword)
        routes.post("/account/language", .signedIn, setLanguage)
        routes.post("/account/sessions/end-others", .signedIn, endOtherSessions)
        routes.post("/account/notices/seen", .signedIn, markNoticesSeen)
        routes.get("/account/second-factor", .signedIn, showReplaceSecondFactor)
        routes.post("/account/second-factor", .signedIn, replaceSecondFactor)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await render(request, context, errors: FieldErrors(), status: .ok)
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let form = context.form
        let current = form.string("current_password")
        let new = form.string("password")
        let stored = try await pool.withConnection { connection in try AccountQueries.passwordHash(userID: session.user.id, on: connection)
        }
        var errors = FieldErrors()
        if try await !hasher.verify(current, against: stored) {
            errors.add("current_password", .currentPasswordWrong)
        } else if let problem = try await pool.withConnection({ connection in
            try PasswordPolicy.problem(with: new, confirmation: form.string("password_confirmation"), on: connection)
        }) {
            errors.add(problem == .passwordsDiffer ? "password_confirmation" : "password", problem)
        }
        guard errors.isEmpty else {
            return try await render(request, context, errors: errors, status: .unprocessableContent).response(
                from: request, context: context)
        }
        let hash = try await hasher.hash(new)
        let origin = context.origin
        try await pool.transaction { connection in
            try AccountWrites.setPassword(userID: session.user.id, hash: hash, on: connection)
            // Whoever knew the old password is signed out everywhere else.
            try SessionStore.endAll(userID: session.user.id, except: session, on: connection)
            try Audit.record(
                AuditEvent("password.changed", actorID: session.user.id, targetType: "user", targetID: String(session.user.id)), origin,
                on: connection)
            try SecurityNotices.add(.passwordChanged, userID: session.user.id, on: connection)
        }
        return cookies.redirect("/account", flash: .flashPasswordChanged)
    }

    /// The language of the account's pages. The session's own choice is cleared, so this one
    /// applies at once.
    @Sendable func setLanguage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        guard let language = Language(code: context.form.string("language")) else {
            var errors = FieldErrors()
            errors.add("language", .languageUnknown)
            return try await render(request, context, errors: errors, status: .unprocessableContent).response(
                from: request, context: context)
        }
        try await pool.withConnection { connection in try AccountWrites.setLanguage(language, userID: session.user.id, on: connection) }
        return .seeOther(
            "/account", setting: [cookies.clear(cookies.language), cookies.make(cookies.flash, Strings.Key.flashLanguageSaved.rawValue)])
    }

    @Sendable func endOtherSessions(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let origin = context.origin
        try await pool.transaction { connection in
            let ended = try SessionStore.endAll(userID: session.user.id, except: session, on: connection)
            try Audit.record(
                AuditEvent(
                    "sessions.ended_others", actorID: session.user.id, targetType: "user",
                    targetID: String(session.user.id), detail: ["count": String(ended)]), origin, on: connection)
        }
        return cookies.redirect("/account", flash: .flashSessionsEnded)
    }

    @Sendable func markNoticesSeen(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        _ = try await pool.withConnection { connection in try SecurityNotices.markSeen(userID: session.user.id, on: connection) }
        return .seeOther("/account")
    }

    // MARK: Replacing the authenticator

    @Sendable func showReplaceSecondFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        // Only an account that has an authenticator replaces it; the others have nothing here.
        guard try await hasFactor(session) else { return .seeOther("/account") }
        let secret = try await proposedSecret(session, fresh: false)
        return try HTMLResponse(ReplaceSecondFactorPage(secret: secret, email: session.user.email, errors: FieldErrors()), request, context)
            .response(from: request, context: context)
    }

    private func hasFactor(_ session: Session) async throws -> Bool {
        try await pool.withConnection { connection in try AccountQueries.hasSecondFactor(userID: session.user.id, on: connection) }
    }

    /// Only with the current factor (a code, or a recovery code) and a code from the new one;
    /// the owner's other sessions end, new recovery codes are shown once, and a notice stays on
    /// the account page.
    @Sendable func replaceSecondFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let current = context.form.trimmed("current_code")
        let code = context.form.trimmed("code")
        let origin = context.origin, key = secondFactorKey
        guard try await hasFactor(session) else { return .seeOther("/account") }
        let secret = try await proposedSecret(session, fresh: false)
        enum Outcome { case replaced([String]), wrongCurrent, wrongNew, locked }
        let outcome = try await pool.transaction { connection -> Outcome in
            guard let step = SecondFactor.matchingStep(code: code, secret: secret) else { return .wrongNew }
            if !SecondFactor.isRecoveryCode(current), try SecondFactorThrottle.accountLocked(userID: session.user.id, on: connection) {
                return .locked
            }
            guard try SecondFactor.verify(current, userID: session.user.id, key: key, on: connection).ok else {
                try SecondFactorThrottle.recordAccountFailure(userID: session.user.id, on: connection)
                try Audit.record(AuditEvent("second_factor.replace_failed", actorID: session.user.id), origin, on: connection)
                return .wrongCurrent
            }
            guard try SecondFactor.replace(userID: session.user.id, secret: secret, step: step, key: key, on: connection) else {
                throw HTTPError(.conflict)
            }
            try SessionStore.endAll(userID: session.user.id, except: session, on: connection)
            try SessionStore.proposeSecret(nil, for: session, on: connection)
            try SecurityNotices.add(.secondFactorReplaced, userID: session.user.id, on: connection)
            try Audit.record(
                AuditEvent("second_factor.replaced", actorID: session.user.id, targetType: "user", targetID: String(session.user.id)),
                origin, on: connection)
            return .replaced(try SecondFactor.newRecoveryCodes(userID: session.user.id, on: connection))
        }
        switch outcome {
        case .replaced(let codes):
            return try HTMLResponse(RecoveryCodesPage(codes: codes), request, context).response(from: request, context: context)
        case .wrongCurrent, .wrongNew, .locked:
            var errors = FieldErrors()
            switch outcome {
            case .wrongNew: errors.add("code", .secondFactorWrong)
            case .locked: errors.add("current_code", .secondFactorLocked)
            default: errors.add("current_code", .secondFactorWrong)
            }
            let status: HTTPResponse.Status = if case .locked = outcome { .tooManyRequests } else { .unprocessableContent }
            return try HTMLResponse(
                ReplaceSecondFactorPage(secret: secret, email: session.user.email, errors: errors), status: status, request, context
            )
            .response(from: request, context: context)
        }
    }

    /// The new secret for this session's replacement, kept on the server (made once per session).
    private func proposedSecret(_ session: Session, fresh: Bool) async throws -> String {
        let key = secondFactorKey
        return try await pool.transaction { connection in
            if !fresh, let sealed = try SessionStore.proposedSecret(of: session, on: connection), let kept = key.open(sealed) {
                return kept
            }
            let secret = SecondFactor.newSecret()
            try SessionStore.proposeSecret(try key.seal(secret), for: session, on: connection)
            return secret
        }
    }

    private func render(
        _ request: Request, _ context: AppRequestContext, errors: FieldErrors, status: HTTPResponse.Status
    ) async throws -> HTMLResponse {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let (sessions, notices, hasFactor) = try await pool.withConnection { connection in
            (
                try AccountQueries.sessions(of: session, on: connection),
                try SecurityNotices.unseen(userID: session.user.id, on: connection),
                try AccountQueries.hasSecondFactor(userID: session.user.id, on: connection)
            )
        }
        let view = AccountPage(user: session.user, sessions: sessions, errors: errors, notices: notices, hasSecondFactor: hasFactor)
        return HTMLResponse(view, status: status, request, context)
    }
}
