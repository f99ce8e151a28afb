import Database
import Foundation
import Hummingbird

/// `/feedback`: survivor feedback under measure 18. The list and each item show what the
/// reader's role allows, decided in SQL (`FeedbackQueries`); members write, with the consent
/// notice accepted first. Acting on an item (moderating, answering, flagging, withdrawing) is
/// in `FeedbackActionController`.
struct FeedbackController {
    let pool: ConnectionPool
    let reference: ReferenceDataStore
    let cookies: CookiePolicy
    let pages: PageCache
    static let moderators: Access = .roles([.panelFacilitator, .secretariat])

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/feedback", .everyone, list)
        routes.get("/feedback/new", .roles([.panelMember]), showNew)
        routes.post("/feedback/new", .roles([.panelMember]), create)
        routes.get("/feedback/moderation", Self.moderators, moderationQueue)
        routes.get("/feedback/consent", .everyone, showConsent)
        routes.post("/feedback/consent", .roles([.panelMember]), consent)
        routes.get("/feedback/consent/edit", .roles([.secretariat]), showNoticeForm)
        routes.post("/feedback/consent/edit", .roles([.secretariat]), publishNotice)
        routes.get("/feedback/staying-safe", .everyone, stayingSafe)
        routes.get("/feedback/{id}", .everyone, show)
    }

    // MARK: Reading

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let filter = FeedbackFilter(
            request.uri.queryParameters.map { (key: $0.key, value: $0.value) },
            reference: try await reference.get(pool, context.readerLanguage))
        let user = context.user
        if let user, user.roles == [.secretariat] { return try await secretariatQueue(request, context, filter, user) }
        let seesRestricted = PledgeAccess.seesRestricted(user)
        let data = try await reference.get(pool, context.readerLanguage)
        let view = try await pool.withConnection { connection in
            let (filter, items, total) = try FeedbackQueries.listPage(
                filter, reader: user?.id, seesRestricted: seesRestricted, on: connection)
            let membership = try user.flatMap { $0.has(.panelMember) ? try PanelQueries.membership(userID: $0.id, on: connection) : nil }
            let panels = try user.map { try PanelQueries.names(reader: $0.id, on: connection) } ?? []
            return FeedbackListPage(
                filter: filter, items: items, total: total, membership: membership, panels: panels,
                reference: data, isStaff: user.map(FeedbackAccess.isStaff) ?? false,
                canModerate: user.map { !$0.roles.isDisjoint(with: [.panelFacilitator, .secretariat]) } ?? false)
        }
        return HTMLResponse(view, request, context)
    }

    /// The secretariat's review queue. What it shows depends on the role only (the database
    /// decides by role; staff lists carry no restricted text, and the filter form is a GET), so
    /// it is kept in the page cache for everyone who holds just that role, until the data changes.
    private func secretariatQueue(
        _ request: Request, _ context: AppRequestContext, _ filter: FeedbackFilter, _ user: SignedInUser
    ) async throws -> HTMLResponse {
        let pageContext = request.pageContext(context)
        let language = pageContext.language
        let key = PageCache.Key(
            path: "/feedback", [filter.queryString(), "secretariat", filter.ignored.map(\.rawValue).joined(separator: ",")],
            seesRestricted: true,
            language: language, day: AppClock.today)
        let page = try await pages.page(key, wrote: context.wrote) { [pool, reference] in
            let data = try await reference.get(pool, context.readerLanguage)
            return try await pool.withConnection { connection in
                let (filter, items, total) = try FeedbackQueries.listPage(filter, reader: user.id, seesRestricted: true, on: connection)
                return FeedbackListPage(
                    filter: filter, items: items, total: total, membership: nil,
                    panels: try PanelQueries.names(reader: user.id, on: connection),
                    reference: data, isStaff: true, canModerate: true
                ).page(PageContext(language: language))
            }
        }
        return HTMLResponse(page: page, context: pageContext)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let id = context.intParameter("id") else { throw HTTPError(.notFound) }
        let view = try await FeedbackItemPage.load(id, context, pool)
        return HTMLResponse(view, request, context)
    }

    @Sendable func moderationQueue(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let user = context.user else { throw HTTPError(.forbidden) }
        let items = try await pool.withConnection { connection in
            try FeedbackQueries.moderationQueue(reader: user.id, seesRestricted: PledgeAccess.seesRestricted(user), on: connection)
        }
        return HTMLResponse(ModerationQueuePage(items: items), request, context)
    }

    @Sendable func stayingSafe(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(StayingSafePage(), request, context)
    }

    // MARK: Consent

    @Sendable func showConsent(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let user = context.user
        let (notice, membership) = try await pool.withConnection { connection in
            (
                try ConsentNotice.current(on: connection),
                try user.flatMap { $0.has(.panelMember) ? try PanelQueries.membership(userID: $0.id, on: connection) : nil }
            )
        }
        return HTMLResponse(
            ConsentPage(notice: notice, membership: membership, next: LocalPath.checked(request.uri.queryParameters["next"])), request,
            context)
    }

    @Sendable func consent(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.forbidden) }
        let version = Int(context.form.string("version")) ?? 0
        let origin = context.origin
        let accepted = try await pool.transaction { connection -> Bool in
            guard try FeedbackWrites.consent(userID: user.id, version: version, on: connection) else { return false }
            try Audit.record(
                AuditEvent("consent.accepted", actorID: user.id, targetType: "consent_notice", targetID: String(version)), origin,
                on: connection)
            return true
        }
        // A newer notice was published while this one was open: show that one.
        guard accepted else {
            return cookies.redirect("/feedback/consent", flash: .flashNoticeChanged)
        }
        let next = LocalPath.checked(context.form.string("next")) ?? "/feedback/new"
        return cookies.redirect(next, flash: .flashConsentSaved)
    }

    /// The secretariat publishes a new version of the notice; every member accepts it again
    /// before their next post.
    @Sendable func showNoticeForm(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let notice = try await pool.withConnection { connection in try ConsentNotice.current(on: connection) }
        return HTMLResponse(NoticeFormPage(current: notice, text: notice.body, errors: FieldErrors()), request, context)
    }

    @Sendable func publishNotice(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.forbidden) }
        let text = FeedbackForm.clean(context.form.string("body")).trimmingCharacters(in: .whitespacesAndNewlines)
        let current = try await pool.withConnection { connection in try ConsentNotice.current(on: connection) }
        var errors = FieldErrors()
        if text.isEmpty || text.unicodeScalars.count > 10_000 {
            errors.add("body", .noticeTextInvalid)
        } else if text == current.body.trimmingCharacters(in: .whitespacesAndNewlines) {
            errors.add("body", .noticeUnchanged)
        }
        guard errors.isEmpty else {
            return try HTMLResponse(
                NoticeFormPage(current: current, text: text, errors: errors), status: .unprocessableContent, request, context
            )
            .response(from: request, context: context)
        }
        let origin = context.origin
        try await pool.transaction { connection in
            let version = try ConsentNotice.publish(text, by: user.id, on: connection)
            try Audit.record(
                AuditEvent("consent_notice.published", actorID: user.id, targetType: "consent_notice", targetID: String(version)), origin,
                on: connection)
        }
        return cookies.redirect("/feedback/consent", flash: .flashNoticePublished)
    }

    // MARK: Writing

    @Sendable func showNew(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.forbidden) }
        guard let membership = try await pool.withConnection({ connection in try PanelQueries.membership(userID: user.id, on: connection) })
        else {
            throw HTTPError(.forbidden)
        }
        if !membership.hasConsented { return .seeOther("/feedback/consent?next=/feedback/new") }
        var input = FeedbackForm()
        input.pledgeID = request.uri.queryParameters["pledge"].map(String.init) ?? ""
        input.milestoneID = request.uri.queryParameters["milestone"].map(String.init) ?? ""
        let view = try await formPage(input, membership, errors: FieldErrors(), search: false)
        return try HTMLResponse(view, request, context).response(from: request, context: context)
    }

    /// Posting, or (the "Find" and "Choose" buttons) searching for a pledge with everything
    /// typed so far kept in the form.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.forbidden) }
        guard let membership = try await pool.withConnection({ connection in try PanelQueries.membership(userID: user.id, on: connection) })
        else {
            throw HTTPError(.forbidden)
        }
        var input = FeedbackForm(context.form)
        switch context.form.string("action") {
        case "find":
            input.pledgeID = ""
            input.milestoneID = ""
            return try await formResponse(request, context, input, membership, errors: FieldErrors(), search: true, status: .ok)
        case "choose", "clear":  // a pledge chosen from the results, or none: its milestones are offered afresh
            if context.form.string("action") == "clear" { input.pledgeID = "" }
            input.milestoneID = ""
            return try await formResponse(request, context, input, membership, errors: FieldErrors(), search: false, status: .ok)
        default: break
        }
        let pledgeID = Int(input.pledgeID), milestoneID = Int(input.milestoneID)
        var choice: (FeedbackQueries.PledgeChoice, [(id: Int, title: String)])?
        if let pledgeID {
            choice = try await pool.withConnection { connection in
                try FeedbackQueries.pledgeChoice(pledgeID, panelID: membership.panelID, on: connection)
            }
        }
        let valid: FeedbackForm.Valid
        switch input.validate(
            pledgeKnown: choice != nil, milestoneKnown: milestoneID.map { id in choice?.1.contains { $0.id == id } ?? false } ?? false,
            pageLanguage: context.readerLanguage)
        {
        case .failure(let errors):
            return try await formResponse(request, context, input, membership, errors: errors, search: false, status: .unprocessableContent)
        case .success(let v): valid = v
        }
        let origin = context.origin
        let created = try await pool.transaction { connection -> Int? in
            guard let id = try FeedbackWrites.create(valid, author: user.id, on: connection) else { return nil }
            try Audit.record(
                AuditEvent(
                    "feedback.created", actorID: user.id, targetType: "feedback", targetID: String(id),
                    detail: ["scope": valid.scope.rawValue]), origin, on: connection)
            return id
        }
        // A new notice was published since the form was opened: nothing is stored; the form
        // comes back with the text and a link to the notice.
        guard let id = created else {
            var errors = FieldErrors()
            errors.add("body", .consentNeeded)
            return try await formResponse(request, context, input, membership, errors: errors, search: false, status: .conflict)
        }
        return cookies.redirect("/feedback/\(id)", flash: .flashFeedbackSent)
    }

    private func formPage(
        _ input: FeedbackForm, _ membership: PanelQueries.Membership, errors: FieldErrors, search: Bool
    ) async throws -> FeedbackFormPage {
        try await pool.withConnection { connection in
            let choice = try Int(input.pledgeID).flatMap {
                try FeedbackQueries.pledgeChoice($0, panelID: membership.panelID, on: connection)
            }
            let results =
                search && !input.pledgeSearch.isEmpty
                ? try FeedbackQueries.searchPledges(input.pledgeSearch, panelID: membership.panelID, on: connection) : nil
            return FeedbackFormPage(membership: membership, input: input, choice: choice, results: results, errors: errors)
        }
    }

    private func formResponse(
        _ request: Request, _ context: AppRequestContext, _ input: FeedbackForm, _ membership: PanelQueries.Membership,
        errors: FieldErrors, search: Bool, status: HTTPResponse.Status
    ) async throws -> Response {
        let view = try await formPage(input, membership, errors: errors, search: search)
        return try HTMLResponse(view, status: status, request, context).response(from: request, context: context)
    }

}
