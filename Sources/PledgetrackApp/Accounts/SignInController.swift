import Database
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out: `/login` (e-mail, or a panel member's pseudonym, and password), `/login/second-factor` (the code
/// from an authenticator app, or a recovery code), `/login/enrol` (setting the second factor
/// up the first time), `/logout`.
struct SignInController {
    let pool: ConnectionPool
    let hasher: PasswordHasher
    let cookies: CookiePolicy
    let secondFactorKey: SecondFactorKey

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
        if context.user != nil { return .seeOther("/work") }
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
            return try page(
                SignInPage(email: email, next: next, errors: errors, notice: nil), request, context, status: .unprocessableContent)
        }
        let origin = context.origin
        // The limits need only to tell addresses apart: they keep a keyed digest, not the address.
        let throttleClient = secondFactorKey.digest(context.clientAddress)
        let client = context.clientAddress
        let deviceToken = request.cookies[cookies.device]?.value
        // A pseudonym is never written down: the throttle keeps its hash, the audit log nothing.
        let logged: [String: String] = email.contains("@") ? ["email": email] : [:]
        let (throttled, account, knownDevice) = try await pool.withConnection { connection in
            let known = try KnownDevices.isKnown(token: deviceToken, email: email, on: connection)
            return (
                try SignInThrottle.isThrottled(email: email, client: throttleClient, knownDevice: known, on: connection),
                try SignInAccount.find(email: email, on: connection), known
            )
        }
        if throttled {
            if let account {
                try await pool.withConnection { connection in
                    try Audit.record(AuditEvent("sign_in.throttled", actorID: account.id, detail: logged), origin, on: connection)
                }
            } else {
                AppMetrics.anonymousDenial("sign_in.throttled")
            }
            return try page(
                SignInPage(email: email, next: next, errors: FieldErrors(), notice: .signInThrottled), request, context,
                status: .tooManyRequests)
        }
        // The same work, and so about the same time, whether or not the e-mail is known.
        let valid = try await hasher.verify(password, against: account?.passwordHash)
        guard valid, let account, !account.disabled else {
            try await pool.transaction { connection in
                try SignInThrottle.recordFailure(email: email, client: throttleClient, knownDevice: knownDevice, on: connection)
                // Guesses at accounts that do not exist are counted, not written one by one.
                if let account {
                    try Audit.record(
                        AuditEvent("sign_in.failed", actorID: account.id, detail: account.survivor ? [:] : logged), origin, on: connection)
                }
            }
            if account == nil { AppMetrics.anonymousDenial("sign_in.failed") }
            var errors = FieldErrors()
            errors.add("password", .signInWrong)
            return try page(SignInPage(email: email, next: next, errors: errors, notice: nil), request, context, status: .unauthorized)
        }
        let userAgent = request.headers[.userAgent] ?? ""
        let pending = account.requiresSecondFactor
        let chosenLanguage = Language(code: request.cookies[cookies.language]?.value)
        let (token, device, hasNotices) = try await pool.transaction { connection -> (String, String?, Bool) in
            try SignInThrottle.recordSuccess(email: email, client: throttleClient, on: connection)
            try Audit.record(AuditEvent("sign_in.password", actorID: account.id), origin, on: connection)
            // A language chosen before signing in becomes the account's, unless it has one.
            if let chosenLanguage { try AccountWrites.adoptLanguage(chosenLanguage, userID: account.id, on: connection) }
            // A new session id at every sign-in: an old session (or a planted cookie) never carries over.
            if let old = context.session { try SessionStore.end(old, on: connection) }
            let token = try SessionStore.start(
                userID: account.id, idleTimeout: account.idleTimeout, secondFactorDone: false, pending: pending,
                client: client, userAgent: userAgent, on: connection)
            let device =
                pending || account.survivor ? nil : try KnownDevices.remember(token: deviceToken, userID: account.id, on: connection)
            return (token, device, try !SecurityNotices.unseen(userID: account.id, on: connection).isEmpty)
        }
        let destination = pending ? (account.hasSecondFactor ? "/login/second-factor" : "/login/enrol") : hasNotices ? "/account" : next
        var set = [cookies.make(cookies.session, token)]
        if let device { set.append(cookies.makeLasting(cookies.device, device)) }
        // From now on the account's language applies, until the switcher is used again.
        if chosenLanguage != nil { set.append(cookies.clear(cookies.language)) }
        return .seeOther(destination, setting: set)
    }

    // MARK: Second factor

    @Sendable func showSecondFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        // An account without an authenticator sets one up first.
        let has = try await pool.withConnection { connection in try AccountQueries.hasSecondFactor(userID: session.user.id, on: connection)
        }
        guard has else { return .seeOther("/login/enrol") }
        return try page(SecondFactorPage(errors: FieldErrors()), request, context)
    }

    /// What a wrong code leads to: the form again, or (tries used up) the pending session ends.
    private enum Attempt {
        case accepted(token: String, device: String)
        case wrong
        case locked
        case sessionUsedUp

        var isLocked: Bool { if case .locked = self { true } else { false } }
    }

    @Sendable func verifySecondFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let code = context.form.trimmed("code")
        let origin = context.origin, client = context.clientAddress, userAgent = request.headers[.userAgent] ?? ""
        let deviceToken = request.cookies[cookies.device]?.value
        let key = secondFactorKey
        let attempt = try await pool.transaction { connection -> Attempt in
            let recovery = SecondFactor.isRecoveryCode(code)
            // Authenticator codes stop for the account after too many wrong ones; a recovery code still works.
            if !recovery, try SecondFactorThrottle.accountLocked(userID: session.user.id, on: connection) {
                try Audit.record(AuditEvent("sign_in.second_factor_locked", actorID: session.user.id), origin, on: connection)
                return .locked
            }
            let (ok, _) = try SecondFactor.verify(code, userID: session.user.id, key: key, on: connection)
            guard ok else {
                try Audit.record(AuditEvent("sign_in.second_factor_failed", actorID: session.user.id), origin, on: connection)
                let usedUp = try SecondFactorThrottle.recordFailure(session, on: connection)
                if usedUp {
                    try SessionStore.end(session, on: connection)
                    try SecurityNotices.add(.secondFactorLocked, userID: session.user.id, on: connection)
                }
                return usedUp ? .sessionUsedUp : .wrong
            }
            try Audit.record(
                AuditEvent(recovery ? "sign_in.recovery_code" : "sign_in.second_factor", actorID: session.user.id), origin, on: connection)
            if recovery { try SecurityNotices.add(.recoveryCodeUsed, userID: session.user.id, on: connection) }
            let token = try SessionStore.completeSecondFactor(session, client: client, userAgent: userAgent, on: connection)
            let device = try KnownDevices.remember(token: deviceToken, userID: session.user.id, on: connection)
            // Full sign-in lands on the worklist, which points to any unread security notices.
            return .accepted(token: token, device: device)
        }
        switch attempt {
        case .accepted(let token, let device):
            return .seeOther("/work", setting: [cookies.make(cookies.session, token), cookies.makeLasting(cookies.device, device)])
        case .wrong, .locked:
            var errors = FieldErrors()
            errors.add("code", attempt.isLocked ? .secondFactorLocked : .secondFactorWrong)
            return try page(SecondFactorPage(errors: errors), request, context, status: attempt.isLocked ? .tooManyRequests : .unauthorized)
        case .sessionUsedUp:
            return cookies.redirect("/login", flash: .flashSecondFactorTriesUsed, clearing: [cookies.session])
        }
    }

    /// Setting up the first authenticator: only for an account that has none. The secret is
    /// made here and kept with the session; the form carries only the code.
    @Sendable func showEnrolment(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let key = secondFactorKey
        let secret = try await pool.transaction { connection -> String? in
            guard try !AccountQueries.hasSecondFactor(userID: session.user.id, on: connection) else {
                return nil
            }
            if let sealed = try SessionStore.proposedSecret(of: session, on: connection), let kept = key.open(sealed) { return kept }
            let fresh = SecondFactor.newSecret()
            try SessionStore.proposeSecret(try key.seal(fresh), for: session, on: connection)
            return fresh
        }
        // An account that has an authenticator gives its code; replacing it is done from the account page.
        guard let secret else { return .seeOther("/login/second-factor") }
        return try page(EnrolmentPage(secret: secret, email: session.user.email, errors: FieldErrors()), request, context)
    }

    private enum Enrolment {
        case enrolled(codes: [String], token: String, device: String)
        case wrong(secret: String)
        case sessionUsedUp
        case alreadyHasOne
    }

    @Sendable func enrol(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        let code = context.form.trimmed("code")
        let origin = context.origin, client = context.clientAddress, userAgent = request.headers[.userAgent] ?? ""
        let deviceToken = request.cookies[cookies.device]?.value
        let key = secondFactorKey
        let outcome = try await pool.transaction { connection -> Enrolment in
            guard let sealed = try SessionStore.proposedSecret(of: session, on: connection), let secret = key.open(sealed) else {
                return .alreadyHasOne
            }
            guard let step = SecondFactor.matchingStep(code: code, secret: secret) else {
                let usedUp = try SecondFactorThrottle.recordFailure(session, on: connection)
                try Audit.record(AuditEvent("second_factor.enrol_failed", actorID: session.user.id), origin, on: connection)
                if usedUp { try SessionStore.end(session, on: connection) }
                return usedUp ? .sessionUsedUp : .wrong(secret: secret)
            }
            // Decided by the statement that writes it: only an account without an authenticator.
            guard try SecondFactor.enrol(userID: session.user.id, secret: secret, step: step, key: key, on: connection) else {
                try Audit.record(
                    AuditEvent(
                        "second_factor.enrol_refused", actorID: session.user.id, targetType: "user",
                        targetID: String(session.user.id)), origin, on: connection)
                return .alreadyHasOne
            }
            try Audit.record(
                AuditEvent("second_factor.enrolled", actorID: session.user.id, targetType: "user", targetID: String(session.user.id)),
                origin, on: connection)
            try SecurityNotices.add(.secondFactorEnrolled, userID: session.user.id, on: connection)
            let codes = try SecondFactor.newRecoveryCodes(userID: session.user.id, on: connection)
            let token = try SessionStore.completeSecondFactor(session, client: client, userAgent: userAgent, on: connection)
            let device = try KnownDevices.remember(token: deviceToken, userID: session.user.id, on: connection)
            return .enrolled(codes: codes, token: token, device: device)
        }
        switch outcome {
        case .enrolled(let codes, let token, let device):
            var response = try page(RecoveryCodesPage(codes: codes), request, context)
            response.headers.append(HTTPField(name: .setCookie, value: cookies.make(cookies.session, token)))
            response.headers.append(HTTPField(name: .setCookie, value: cookies.makeLasting(cookies.device, device)))
            return response
        case .wrong(let secret):
            var errors = FieldErrors()
            errors.add("code", .secondFactorWrong)
            return try page(
                EnrolmentPage(secret: secret, email: session.user.email, errors: errors), request, context, status: .unprocessableContent)
        case .sessionUsedUp:
            return cookies.redirect("/login", flash: .flashSecondFactorTriesUsed, clearing: [cookies.session])
        case .alreadyHasOne:
            return .seeOther("/login/second-factor")
        }
    }

    // MARK: Sign out

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.session {
            let origin = context.origin
            try await pool.transaction { connection in
                try SessionStore.end(session, on: connection)
                try Audit.record(AuditEvent("sign_out", actorID: session.user.id), origin, on: connection)
            }
        }
        return cookies.redirect("/", flash: .flashSignedOut, clearing: [cookies.session])
    }

    private func page(
        _ view: some PageView, _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try HTMLResponse.formBeforeSignIn(status: status, request, context, cookies, view.page)
    }
}
