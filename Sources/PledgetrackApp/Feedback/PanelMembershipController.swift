import Database
import Foundation
import Hummingbird

/// Joining a panel with a one-time link (`/join/{token}`: a pseudonym, a password, an
/// optional e-mail, nothing else) and leaving it (`/account/delete`: the account is
/// anonymised, sessions end, texts are erased or kept without a name, as the member chooses).
struct PanelMembershipController {
    let pool: ConnectionPool
    let hasher: PasswordHasher
    let cookies: CookiePolicy
    let vacuum: ErasureVacuum

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/join/{token}", .everyone, show)
        routes.post("/join/{token}", .everyone, join)
        routes.get("/account/delete", .roles([.panelMember]), showDelete)
        routes.post("/account/delete", .roles([.panelMember]), delete)
    }

    // MARK: Joining

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let panel = try await pool.withConnection { connection in try PanelQueries.openInvitation(token: token, on: connection) }
        return try page(
            panel.map { JoinPage(panelName: $0.panelName, token: token, input: JoinForm(), errors: FieldErrors()) }, request, context)
    }

    @Sendable func join(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let panel = try await pool.withConnection({ connection in try PanelQueries.openInvitation(token: token, on: connection) })
        else {
            return try page(nil, request, context)
        }
        // Every try counts against the link (a few, then it is used up), so a link cannot be
        // used to find out which pseudonyms or addresses exist.
        guard try await pool.withConnection({ connection in try PanelWrites.countAttempt(token: token, on: connection) }) else {
            return try page(nil, request, context)
        }
        let input = JoinForm(context.form)
        var errors = input.validate()
        if let problem = try await pool.withConnection({ connection in
            try PasswordPolicy.problem(with: input.password, confirmation: input.confirmation, on: connection)
        }) {
            errors.add(problem == .passwordsDiffer ? "password_confirmation" : "password", problem)
        }
        let form = JoinPage(panelName: panel.panelName, token: token, input: input, errors: errors)
        guard errors.isEmpty else { return try page(form, request, context, status: .unprocessableContent) }
        let hash = try await hasher.hash(input.password)
        let origin = context.origin, client = context.clientAddress, userAgent = request.headers[.userAgent] ?? ""
        let email = input.email.isEmpty ? nil : input.email
        let outcome = try await pool.transaction { connection -> (PanelWrites.JoinOutcome, String?) in
            let outcome = try PanelWrites.join(token: token, pseudonym: input.pseudonym, email: email, passwordHash: hash, on: connection)
            guard case .joined(let userID) = outcome else { return (outcome, nil) }
            try Audit.record(
                AuditEvent("panel.joined", actorID: userID, targetType: "panel", targetID: String(panel.panelID)), origin, on: connection)
            let session = try SessionStore.start(
                userID: userID, idleTimeout: Role.panelMember.idleTimeout, secondFactorDone: false,
                client: client, userAgent: userAgent, on: connection)
            return (outcome, session)
        }
        switch outcome {
        case (.joined, let session?):
            return .seeOther("/feedback/consent", setting: [cookies.make(cookies.session, session)])
        case (.pseudonymTaken, _), (.emailTaken, _):
            // One message for either: which pseudonyms and addresses exist is nobody's to learn.
            var errors = FieldErrors()
            errors.add("pseudonym", .joinDetailsRefused)
            return try page(
                JoinPage(panelName: panel.panelName, token: token, input: input, errors: errors), request, context,
                status: .unprocessableContent)
        default:
            return try page(nil, request, context)
        }
    }

    /// The form, or (nil) the page that says the link no longer works.
    private func page(
        _ view: JoinPage?, _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try HTMLResponse.formBeforeSignIn(status: view == nil ? .gone : status, request, context, cookies) { pageContext in
            view?.page(pageContext) ?? JoinPage.invalid(pageContext.strings)
        }
    }

    // MARK: Leaving

    @Sendable func showDelete(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(DeleteAccountPage(errors: FieldErrors(), erase: nil), request, context)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.forbidden) }
        let choice = context.form.string("texts")
        let password = context.form.string("password")
        var errors = FieldErrors()
        if choice != "erase" && choice != "keep" { errors.add("texts", .deleteChoiceMissing) }
        let stored = try await pool.withConnection { connection in try AccountQueries.passwordHash(userID: user.id, on: connection) }
        if try await !hasher.verify(password, against: stored) { errors.add("password", .currentPasswordWrong) }
        guard errors.isEmpty else {
            let view = DeleteAccountPage(errors: errors, erase: choice.isEmpty ? nil : choice == "erase")
            return try HTMLResponse(view, status: .unprocessableContent, request, context).response(from: request, context: context)
        }
        let origin = RequestOrigin(requestID: context.id, clientAddress: "")
        try await pool.transaction { connection in
            try FeedbackWrites.deleteMember(user.id, eraseTexts: choice == "erase", on: connection)
            // Recorded without the account, its address or its request: nothing links back.
            try Audit.record(
                AuditEvent("account.deleted", actorID: nil, targetType: "user", detail: ["texts": choice]), origin, on: connection)
        }
        if choice == "erase" { vacuum.request() }
        return cookies.redirect("/", flash: .flashAccountDeleted, clearing: [cookies.session])
    }
}
