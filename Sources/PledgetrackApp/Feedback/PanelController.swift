import Database
import Foundation
import Hummingbird

/// `/panels`: the secretariat sets panels up (name, countries, facilitator); a panel's page
/// shows its members and feedback to the secretariat, its facilitator and its members; the
/// facilitator (or secretariat) makes one-time links for new members.
struct PanelController {
    let pool: ConnectionPool
    let reference: ReferenceDataStore
    let publicURL: String
    let pages: PageCache
    static let staff: Access = .roles([.secretariat, .panelFacilitator])

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/panels", Self.staff, list)
        routes.get("/panels/new", .roles([.secretariat]), showNew)
        routes.post("/panels/new", .roles([.secretariat]), create)
        routes.get("/panels/{id}", .roles([.secretariat, .panelFacilitator, .panelMember]), show)
        // An admin may open the form too: only an admin changes a panel's facilitator.
        routes.get("/panels/{id}/edit", .roles([.secretariat, .admin]), showEdit)
        routes.post("/panels/{id}/edit", .roles([.secretariat, .admin]), update)
        routes.get("/panels/{id}/links", Self.staff, showLinkForm)
        routes.post("/panels/{id}/links", Self.staff, createLink)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let user = context.user else { throw HTTPError(.forbidden) }
        let panels = try await pool.withConnection { connection in
            try PanelQueries.list(reader: user.id, language: context.readerLanguage, on: connection)
        }
        return HTMLResponse(PanelListPage(panels: panels, canCreate: user.has(.secretariat)), request, context)
    }

    /// A panel's page: who is in it and its feedback, as this reader may see it. A member of
    /// another panel is refused. For a facilitator with no other role it depends on nothing
    /// but who they are (no forms on it), so it is kept in the page cache for them until the
    /// data changes.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let user = context.user, let id = context.intParameter("id") else { throw HTTPError(.notFound) }
        var query = FeedbackFilter(
            request.uri.queryParameters.map { (key: $0.key, value: $0.value) },
            reference: try await reference.get(pool, context.readerLanguage))
        query.panel = id
        let filter = query
        let build = { @Sendable [pool, reference] (language: Language) async throws -> Page in
            let data = try await reference.get(pool, context.readerLanguage)
            let view = try await pool.withConnection { connection -> PanelPage in
                guard let (panel, readable) = try PanelQueries.detail(id, reader: user.id, on: connection) else {
                    throw HTTPError(.notFound)
                }
                guard readable else { throw HTTPError(.forbidden) }
                return try Self.panelPage(panel, filter, user, data, link: nil, on: connection)
            }
            return view.page(PageContext(language: language))
        }
        let pageContext = request.pageContext(context)
        let language = pageContext.language
        guard user.roles == [.panelFacilitator] else { return HTMLResponse(page: try await build(language), context: pageContext) }
        let key = PageCache.Key(
            path: "/panels/\(id)", [filter.queryString(), "facilitator \(user.id)", filter.ignored.map(\.rawValue).joined(separator: ",")],
            seesRestricted: true,
            language: language, day: AppClock.today)
        return HTMLResponse(page: try await pages.page(key, wrote: context.wrote) { try await build(language) }, context: pageContext)
    }

    /// The panel's page with its feedback (the first page of `filter`), and a new link if one was just made.
    private static func panelPage(
        _ panel: PanelQueries.Detail, _ filter: FeedbackFilter, _ user: SignedInUser, _ reference: ReferenceData, link: String?,
        on connection: Connection
    ) throws -> PanelPage {
        let (items, total) = try FeedbackQueries.list(
            filter, reader: user.id, seesRestricted: PledgeAccess.seesRestricted(user), on: connection)
        return PanelPage(
            panel: panel, items: items, total: total, filter: filter, reference: reference, reader: user,
            isStaff: FeedbackAccess.isStaff(user), link: link)
    }

    @Sendable func showLinkForm(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let user = context.user, let id = context.intParameter("id"),
            let (panel, _) = try await pool.withConnection({ connection in try PanelQueries.detail(id, reader: user.id, on: connection) })
        else { throw HTTPError(.notFound) }
        guard panel.isRun(by: user) else { throw HTTPError(.forbidden) }
        return HTMLResponse(JoinLinkPage(panelID: id, panelName: panel.name), request, context)
    }

    @Sendable func showNew(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await formPage(request, context, id: nil, input: PanelForm(), errors: FieldErrors())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context, id: nil)
    }

    @Sendable func showEdit(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let user = context.user, let id = context.intParameter("id"),
            let (panel, _) = try await pool.withConnection({ connection in try PanelQueries.detail(id, reader: user.id, on: connection) })
        else { throw HTTPError(.notFound) }
        return try await formPage(request, context, id: id, input: PanelForm(panel), errors: FieldErrors())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.intParameter("id"),
            try await pool.withConnection({ connection in try PanelQueries.exists(id, on: connection) })
        else { throw HTTPError(.notFound) }
        return try await save(request, context, id: id)
    }

    private func save(_ request: Request, _ context: AppRequestContext, id: Int?) async throws -> Response {
        let input = PanelForm(context.form)
        if input.search.requested != nil {  // "Search" in the country picker: the form back as typed, nothing saved
            return try await formPage(request, context, id: id, input: input, errors: FieldErrors()).response(
                from: request, context: context)
        }
        let data = try await reference.get(pool, context.readerLanguage)
        let (facilitators, kept) = try await pool.withConnection { connection in
            (try PanelQueries.facilitators(on: connection), try PanelQueries.countryCodes(of: id, on: connection))
        }
        // New choices come from the offered countries; those the panel already names may stay.
        let known = Set(data.countries.filter(\.offered).map(\.iso3)).union(kept)
        let valid: PanelForm.Valid
        switch input.validate(knownCountries: known, facilitators: Set(facilitators.map(\.id))) {
        case .failure(let errors):
            return try await formPage(request, context, id: id, input: input, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        case .success(let v): valid = v
        }
        if try await pool.withConnection({ connection in try PanelQueries.nameTaken(valid.name, besides: id, on: connection) }) {
            var errors = FieldErrors()
            errors.add("name", .panelNameTaken)
            return try await formPage(request, context, id: id, input: input, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let actor = context.user?.id
        let byAdmin = context.user?.has(.admin) ?? false
        let origin = context.origin
        let panelID = try await pool.transaction { connection -> Int? in
            guard let panelID = try PanelWrites.save(valid, id: id, actor: actor, byAdmin: byAdmin, on: connection) else {
                try Audit.record(
                    AuditEvent("panel.facilitator_change_refused", actorID: actor, targetType: "panel", targetID: id.map(String.init)),
                    origin, on: connection)
                return nil
            }
            try Audit.record(
                AuditEvent(
                    id == nil ? "panel.created" : "panel.updated", actorID: actor, targetType: "panel", targetID: String(panelID),
                    detail: ["facilitator": valid.facilitatorID.map(String.init) ?? ""]), origin, on: connection)
            return panelID
        }
        guard let panelID else {
            var errors = FieldErrors()
            errors.add("facilitator", .panelFacilitatorAdminOnly)
            return try await formPage(request, context, id: id, input: input, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        return .seeOther("/panels/\(panelID)")
    }

    /// A one-time link for a new member, shown once to the facilitator who hands it over.
    @Sendable func createLink(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let user = context.user, let id = context.intParameter("id") else { throw HTTPError(.notFound) }
        let origin = context.origin
        let data = try await reference.get(pool, context.readerLanguage)
        let view = try await pool.transaction { connection -> PanelPage in
            guard let (panel, _) = try PanelQueries.detail(id, reader: user.id, on: connection) else { throw HTTPError(.notFound) }
            guard panel.isRun(by: user) else { throw HTTPError(.forbidden) }
            let token = try PanelWrites.createInvitation(panelID: id, by: user.id, on: connection)
            try Audit.record(
                AuditEvent("panel.link_created", actorID: user.id, targetType: "panel", targetID: String(id)), origin, on: connection)
            var filter = FeedbackFilter()
            filter.panel = id
            return try Self.panelPage(panel, filter, user, data, link: "\(publicURL)/join/\(token)", on: connection)
        }
        return HTMLResponse(view, request, context)
    }

    private func formPage(
        _ request: Request, _ context: AppRequestContext, id: Int?, input: PanelForm, errors: FieldErrors, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let data = try await reference.get(pool, context.readerLanguage)
        let byAdmin = context.user?.has(.admin) ?? false
        let (facilitators, stored) = try await pool.withConnection { connection in
            (
                try PanelQueries.facilitators(on: connection),
                try id.flatMap { id in
                    try PanelQueries.facilitatorID(of: id, on: connection)
                }
            )
        }
        let locked: String? = id != nil && !byAdmin ? (stored ?? nil).map(String.init) ?? "" : nil
        return HTMLResponse(
            PanelFormPage(
                id: id, input: input, reference: data, facilitators: facilitators, errors: errors,
                lockedFacilitator: locked),
            status: status, request, context)
    }
}
