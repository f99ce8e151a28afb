import Database
import Foundation
import Hummingbird

/// Signing in and out: `/login` (e-mail, or a panel member's pseudonym, and password), `/login/second-factor` (the code
/// from an authenticator app, or a recovery code), `/login/enrol` (setting the second factor
/// up the first time), `/logout`.
struct SignInController {
    let db: ConnectionPool
    let hasher: PasswordHasher
    let cookies: CookiePolicy

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/login", .everyone, showSignIn)
        routes.post("/login", .everyone, signIn)
        routes.get("/login/second-factor", .secondFactorPending, showSecondFactor)
        routes.post("/login/second-factor", .secondFactorPending, verifySecondFactor)
        routes.get("/login/enrol", .secondFactorPending, showEnrolment)
        routes.post("/login/enrol", .secondFactorPending, enrol)
        routes.post("/logout", .everyone, signOut)
    }

    // MARK: Password

    @Sendable func showSignIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.user != nil { return .seeOther("/account") }
        let next = SignInPage.safeNext(request.uri.queryParameters["next"].map(String.init))
        return try page(SignInPage(email: "", next: next, errors: FieldErrors(), notice: nil), request, context)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form
        let email = form.trimmed("email").lowercased()
        let password = form.string("password")
        let next = SignInPage.safeNext(form.string("next"))
        var errors = FieldErrors()
        if email.isEmpty { errors.add("email", .signInEmailMissing) }
        if password.isEmpty { errors.add("password", .signInPasswordMissing) }
        guard errors.isEmpty else {
            return try page(SignInPage(email: email, next: next, errors: errors, notice: nil), request, context, status: .unprocessableContent)
        }
        let origin = context.origin
        let client = context.clientAddress
        // A pseudonym is never written down: the throttle keeps its hash, the audit log nothing.
        let logged: [String: String] = email.contains("@") ? ["email": email] : [:]
        let (throttled, account) = try await db.withConnection { db in
            (try SignInThrottle.isThrottled(email: email, client: client, on: db), try SignInAccount.find(email: email, on: db))
        }
        if throttled {
            try await db.withConnection { db in
                try Audit.record(AuditEvent("sign_in.throttled", actorID: account?.id, detail: logged), origin, on: db)
            }
            return try page(SignInPage(email: email, next: next, errors: FieldErrors(), notice: .signInThrottled), request, context, status: .tooManyRequests)
        }
        // The same work, and so about the same time, whether or not the e-mail is known.
        let valid = try await hasher.verify(password, against: account?.passwordHash)
        guard valid, let account, !account.disabled else {
            try await db.transaction { db in
                try SignInThrottle.recordFailure(email: email, client: client, on: db)
                try Audit.record(AuditEvent("sign_in.failed", actorID: account?.id, detail: logged), origin, on: db)
            }
            var errors = FieldErrors()
            errors.add("password", .signInWrong)
            return try page(SignInPage(email: email, next: next, errors: errors, notice: nil), request, context, status: .unauthorized)
        }
        let userAgent = request.headers[.userAgent] ?? ""
        let token = try await db.transaction { db in
            try SignInThrottle.recordSuccess(email: email, client: client, on: db)
            try Audit.record(AuditEvent("sign_in.password", actorID: account.id), origin, on: db)
            // A new session id at every sign-in: an old session (or a planted cookie) never carries over.
            if let old = context.session { try SessionStore.end(old, on: db) }
            return try SessionStore.start(
                userID: account.id, idleTimeout: account.idleTimeout, secondFactorDone: !account.requiresSecondFactor,
                client: client, userAgent: userAgent, on: db)
        }
        let destination = account.requiresSecondFactor ? (account.hasSecondFactor ? "/login/second-factor" : "/login/enrol") : next
        return .seeOther(destination, setting: [cookies.make(cookies.session, token)])
    }

    // MARK: Second factor

    @Sendable func showSecondFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        try page(SecondFactorPage(errors: FieldErrors()), request, context)
    }

    @Sendable func verifySecondFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let code = context.form.trimmed("code")
        let origin = context.origin
        let accepted = try await db.transaction { db -> Bool in
            let ok = code.contains("-") || code.count > 8
                ? try SecondFactor.useRecoveryCode(code, userID: session.user.id, on: db)
                : try SecondFactor.accept(code: code, userID: session.user.id, on: db)
            try Audit.record(AuditEvent(ok ? "sign_in.second_factor" : "sign_in.second_factor_failed", actorID: session.user.id), origin, on: db)
            if ok { try SessionStore.completeSecondFactor(session, on: db) }
            return ok
        }
        guard accepted else {
            var errors = FieldErrors()
            errors.add("code", .secondFactorWrong)
            return try page(SecondFactorPage(errors: errors), request, context, status: .unauthorized)
        }
        return .seeOther("/account")
    }

    @Sendable func showEnrolment(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        // A fresh secret each time the page is shown; it is saved only once a code from it works.
        let secret = SecondFactor.newSecret()
        return try page(EnrolmentPage(secret: secret, email: session.user.email, errors: FieldErrors()), request, context)
    }

    @Sendable func enrol(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let secret = context.form.string("secret")
        let code = context.form.trimmed("code")
        guard secret.count == 20, secret.allSatisfy({ SecretToken.readableAlphabet.contains($0) }),
              let step = SecondFactor.matchingStep(code: code, secret: secret)
        else {
            var errors = FieldErrors()
            errors.add("code", .secondFactorWrong)
            let shown = secret.count == 20 ? secret : SecondFactor.newSecret()
            return try page(EnrolmentPage(secret: shown, email: session.user.email, errors: errors), request, context, status: .unprocessableContent)
        }
        let origin = context.origin
        let codes = try await db.transaction { db -> [String] in
            try db.execute("UPDATE app_user SET totp_secret = \(secret), totp_last_step = \(step) WHERE id = \(session.user.id)")
            try SessionStore.completeSecondFactor(session, on: db)
            try Audit.record(AuditEvent("second_factor.enrolled", actorID: session.user.id, targetType: "user", targetID: String(session.user.id)), origin, on: db)
            return try SecondFactor.newRecoveryCodes(userID: session.user.id, on: db)
        }
        return try page(RecoveryCodesPage(codes: codes), request, context)
    }

    // MARK: Sign out

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.session {
            let origin = context.origin
            try await db.transaction { db in
                try SessionStore.end(session, on: db)
                try Audit.record(AuditEvent("sign_out", actorID: session.user.id), origin, on: db)
            }
        }
        return .seeOther("/", setting: [cookies.clear(cookies.session), cookies.make(cookies.flash, Strings.Key.flashSignedOut.rawValue)])
    }

    private func page(
        _ view: some PageView, _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try HTMLResponse.formBeforeSignIn(status: status, request, context, cookies, view.page)
    }
}

/// What sign-in needs to know of an account.
struct SignInAccount: Sendable {
    let id: Int
    let passwordHash: String?
    let disabled: Bool
    let roles: Set<Role>
    let hasSecondFactor: Bool

    var requiresSecondFactor: Bool { roles.requiresSecondFactor }
    var idleTimeout: Duration { roles.idleTimeout }

    static func find(email: String, on db: Connection) throws -> SignInAccount? {
        try db.queryFirst("""
            SELECT id, password_hash, disabled_at IS NOT NULL, ARRAY(SELECT role FROM user_role WHERE user_id = u.id),
                   totp_secret IS NOT NULL
            FROM app_user u WHERE u.email = \(email) OR lower(u.pseudonym) = \(email)
            """) { row in
            SignInAccount(
                id: try row.decode(0), passwordHash: try row.decode(1), disabled: try row.decode(2),
                roles: Set(try row.decode(3, as: [String].self).compactMap(Role.init(rawValue:))), hasSecondFactor: try row.decode(4))
        }
    }
}
