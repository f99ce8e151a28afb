import Database
import Foundation
import Hummingbird

/// `/pledges` (the list with its filters), `/pledges/{id}`, and creating, editing and
/// withdrawing pledges. Focal points edit the pledges of their own entities; the secretariat
/// edits all. Public readers see public pledges only, enforced in the queries.
struct PledgeController {
    let pool: ConnectionPool
    let reference: ReferenceDataStore
    let cookies: CookiePolicy
    let pages: PageCache
    static let editors: Access = .roles([.secretariat, .focalPoint])

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/pledges", .everyone, list)
        routes.get("/pledges/new", Self.editors, showNew)
        routes.post("/pledges/new", Self.editors, create)
        routes.get("/pledges/{id}", .everyone, show)
        routes.get("/pledges/{id}/edit", Self.editors, showEdit)
        routes.post("/pledges/{id}/edit", Self.editors, update)
        routes.get("/pledges/{id}/withdraw", Self.editors, showWithdraw)
        routes.post("/pledges/{id}/withdraw", Self.editors, withdraw)
        routes.get("/pledges/{id}/translations", Self.editors, showTranslations)
        routes.post("/pledges/{id}/translations", Self.editors, saveTranslations)
    }

    /// The list is the same for every reader with the same rights, so it is cached until the
    /// data changes; "my pledges" (`mine=1`) depends on who reads, so its key names the reader.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        var filter = PledgeFilter(
            request.uri.queryParameters.map { (key: $0.key, value: $0.value) },
            reference: try await reference.get(pool, context.readerLanguage))
        if filter.mine, context.user == nil {
            filter.mine = false
            filter.ignored.append(.myPledgesOnly)
        }
        let reader = context.user?.id
        let hasEntities = !(context.user?.entityIDs.isEmpty ?? true)
        let seesRestricted = PledgeAccess.seesRestricted(context.user)
        let canCreate = context.user.map { !$0.roles.isDisjoint(with: [.secretariat, .focalPoint]) } ?? false
        let pageContext = request.pageContext(context)
        let language = pageContext.language
        let make: @Sendable () async throws -> Page = { [pool, reference, filter] in
            let data = try await reference.get(pool, context.readerLanguage)
            let (result, options) = try await pool.withConnection { connection in
                (
                    try PledgeQueries.listPage(
                        filter, seesRestricted: seesRestricted, reader: reader, language: context.readerLanguage, on: connection),
                    try PledgeQueries.listOptions(seesRestricted: seesRestricted, language: context.readerLanguage, on: connection)
                )
            }
            return PledgeListPage(
                filter: result.filter, items: result.items, total: result.total, options: options, reference: data, canCreate: canCreate,
                hasEntities: hasEntities
            )
            .page(PageContext(language: language))
        }
        // "My pledges" depends on who reads: kept for that reader alone.
        let key = PageCache.Key(
            path: "/pledges",
            [
                filter.queryString(), canCreate ? "create" : "", hasEntities ? "member" : "",
                filter.mine ? "reader=\(reader ?? 0)" : "",
                filter.ignored.map(\.rawValue).joined(separator: ","),
            ],
            seesRestricted: seesRestricted, language: language, day: AppClock.today)
        return HTMLResponse(page: try await pages.page(key, wrote: context.wrote, make: make), context: pageContext)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let id = context.intParameter("id") else { throw HTTPError(.notFound) }
        let reader = context.user
        // Readers who can neither edit nor validate get a page without forms: the same for all of
        // them, so it is cached until the data changes.
        if reader.map({ $0.roles.isDisjoint(with: [.secretariat, .focalPoint]) }) ?? true {
            let pageContext = request.pageContext(context)
            let seesRestricted = PledgeAccess.seesRestricted(reader), language = pageContext.language, today = AppClock.today
            let key = PageCache.Key(path: "/pledges/\(id)", seesRestricted: seesRestricted, language: language, day: today)
            let page = try await pages.page(key, wrote: context.wrote) { [pool, reference] in
                let data = try await reference.get(pool, context.readerLanguage)
                let (pledge, milestones, history) = try await Self.load(
                    id, seesRestricted: seesRestricted, language: context.readerLanguage, pool)
                return PledgePage(
                    pledge: pledge, milestones: milestones, history: history, reference: data, canEdit: false,
                    canValidate: false, today: today, now: Date()
                ).page(PageContext(language: language))
            }
            return HTMLResponse(page: page, context: pageContext)
        }
        let (pledge, milestones, history) = try await Self.load(
            id, seesRestricted: PledgeAccess.seesRestricted(reader), language: context.readerLanguage, pool)
        let data = try await reference.get(pool, context.readerLanguage)
        let page = PledgePage(
            pledge: pledge, milestones: milestones, history: history, reference: data,
            canEdit: PledgeAccess.canEdit(reader, owner: pledge.ownerID, coOwners: pledge.coOwnerIDs),
            canValidate: reader?.has(.secretariat) ?? false, today: AppClock.today, now: Date())
        return HTMLResponse(page, request, context)
    }

    /// A pledge with its milestones and history; not found when it does not exist or the reader may not see it.
    static func load(
        _ id: Int, seesRestricted: Bool, language: Language = .english, _ pool: ConnectionPool
    ) async throws
        -> (PledgeQueries.Pledge, [PledgeQueries.Milestone], [PledgeQueries.Change])
    {
        let found = try await pool.withConnection {
            connection -> (PledgeQueries.Pledge, [PledgeQueries.Milestone], [PledgeQueries.Change])? in
            guard let pledge = try PledgeQueries.pledge(id, seesRestricted: seesRestricted, language: language, on: connection)
            else { return nil }
            var milestones = try PledgeQueries.milestones(pledgeID: id, on: connection)
            let titles = try PledgeQueries.milestoneTitles(pledgeID: id, language: language, on: connection)
            for index in milestones.indices { milestones[index].translatedTitle = titles[milestones[index].id] }
            return (pledge, milestones, try PledgeQueries.history(pledgeID: id, on: connection))
        }
        guard let found else { throw HTTPError(.notFound) }
        return found
    }

    // MARK: Create and edit

    @Sendable func showNew(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        var input = PledgeForm()
        let choices = try await choices(context)
        if choices.ownable.count == 1 { input.owner = String(choices.ownable.first!) }
        return try await render(request, context, .new, input, FieldErrors(), choices)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = PledgeForm(context.form)
        let choices = try await choices(context)
        if input.search.requested != nil {  // "Search" in a picker: the form back as typed, nothing saved
            return try await render(request, context, .new, input, FieldErrors(), choices).response(from: request, context: context)
        }
        let data = try await reference.get(pool, context.readerLanguage)
        let valid: PledgeForm.Valid
        switch input.validate(choices, reference: data) {
        case .failure(let errors):
            return try await render(request, context, .new, input, errors, choices, status: .unprocessableContent).response(
                from: request, context: context)
        case .success(let v): valid = v
        }
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: input.why)
        let changes = valid.changes(from: nil, entities: choices.entities)
        do {
            let id = try await pool.transaction { connection in
                try PledgeWrites.createPledge(valid, changes: changes, by: author, on: connection)
            }
            return cookies.redirect("/pledges/\(id)", flash: .flashPledgeSaved)
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            var errors = FieldErrors()
            errors.add("grf_id", .grfIDTaken)
            return try await render(request, context, .new, input, errors, choices, status: .unprocessableContent).response(
                from: request, context: context)
        }
    }

    @Sendable func showEdit(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let pledge = try await editable(context)
        return try await render(
            request, context, .edit(pledge), PledgeForm(pledge), FieldErrors(), try await choices(context, editing: pledge))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let stored = try await editable(context)
        let input = PledgeForm(context.form)
        let choices = try await choices(context, editing: stored)
        if input.search.requested != nil {  // "Search" in a picker: the form back as typed, nothing saved
            return try await render(request, context, .edit(stored), input, FieldErrors(), choices).response(
                from: request, context: context)
        }
        let data = try await reference.get(pool, context.readerLanguage)
        let valid: PledgeForm.Valid
        switch input.validate(choices, reference: data) {
        case .failure(let errors):
            return try await render(request, context, .edit(stored), input, errors, choices, status: .unprocessableContent).response(
                from: request, context: context)
        case .success(let v): valid = v
        }
        let t = request.pageContext(context).strings
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: input.why)
        let changes = valid.changes(from: stored, entities: choices.entities)
        let saved: Bool
        do {
            saved = try await pool.transaction { connection in
                try PledgeWrites.updatePledge(stored.id, version: input.version, valid, changes: changes, by: author, on: connection)
            }
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            var errors = FieldErrors()
            errors.add("grf_id", .grfIDTaken)
            return try await render(request, context, .edit(stored), input, errors, choices, status: .unprocessableContent).response(
                from: request, context: context)
        }
        guard saved else {
            let current = try await editable(context)
            var mine = input
            mine.version = current.version
            let differing = PledgeForm(current).differences(from: input, t)
            let last = try await pool.withConnection { connection in try PledgeQueries.lastChange(pledgeID: current.id, on: connection) }
            return try await render(
                request, context, .conflict(current, differing, last), mine, FieldErrors(), choices, status: .conflict
            )
            .response(from: request, context: context)
        }
        return cookies.redirect("/pledges/\(stored.id)", flash: .flashPledgeSaved)
    }

    /// The page that asks before withdrawing; a withdrawn pledge has nothing left to ask.
    @Sendable func showWithdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pledge = try await editable(context)
        guard pledge.status != .withdrawn else { return .seeOther("/pledges/\(pledge.id)") }
        return try HTMLResponse(WithdrawPledgePage(pledge: pledge), request, context).response(from: request, context: context)
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pledge = try await editable(context)
        let reason = context.form.trimmed("reason")
        guard !reason.isEmpty, reason.length <= 2000 else {
            return cookies.redirect("/pledges/\(pledge.id)/withdraw", flash: .flashReasonNeeded)
        }
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: reason)
        let change = PledgeQueries.FieldChange(
            field: Strings.stored(.fieldStatus), old: Strings.stored(pledge.status.label), new: Strings.stored(PledgeStatus.withdrawn.label)
        )
        try await pool.transaction { connection in try PledgeWrites.withdrawPledge(pledge.id, change: change, by: author, on: connection) }
        return cookies.redirect("/pledges/\(pledge.id)", flash: .flashPledgeWithdrawn)
    }

    // MARK: Helpers

    func editable(_ context: AppRequestContext) async throws -> PledgeQueries.Pledge {
        guard let id = context.intParameter("id") else { throw HTTPError(.notFound) }
        let reader = context.user
        guard let pledge = try await pool.withConnection({ connection in try PledgeQueries.pledge(id, reader: reader, on: connection) })
        else {
            throw HTTPError(.notFound)
        }
        guard PledgeAccess.canEdit(reader, owner: pledge.ownerID, coOwners: pledge.coOwnerIDs) else { throw HTTPError(.forbidden) }
        return pledge
    }

    /// What the editor may choose: the secretariat any entity as owner, a focal point their own
    /// (and, when editing, the pledge's present owner stays allowed). A focal point of a
    /// co-owner only (not of the owner entity) may not change the owners at all.
    private func choices(_ context: AppRequestContext, editing pledge: PledgeQueries.Pledge? = nil) async throws -> PledgeForm.Choices {
        let user = context.user
        let owner = pledge?.ownerID
        let fixed: (owner: Int, coOwners: Set<Int>)? = pledge.flatMap { pledge in
            PledgeAccess.canChangeOwnership(user, owner: pledge.ownerID) ? nil : (pledge.ownerID, pledge.coOwnerIDs)
        }
        return try await pool.withConnection { connection in
            let entities = try AccountQueries.entities(on: connection)
            var ownable = user?.has(.secretariat) == true ? Set(entities.map(\.id)) : (user?.entityIDs ?? [])
            if let owner { ownable.insert(owner) }
            if let fixed { ownable = [fixed.owner] }
            return PledgeForm.Choices(
                entities: entities, ownable: ownable, keptCountries: Set(pledge?.countries.map(\.iso3) ?? []), fixedOwnership: fixed)
        }
    }

    private func render(
        _ request: Request, _ context: AppRequestContext, _ mode: PledgeFormPage.Mode, _ input: PledgeForm, _ errors: FieldErrors,
        _ choices: PledgeForm.Choices, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let data = try await reference.get(pool, context.readerLanguage)
        let page = PledgeFormPage(mode: mode, input: input, errors: errors, choices: choices, reference: data)
        return HTMLResponse(page, status: status, request, context)
    }
}

extension PledgeForm {
    /// The names of the fields whose values differ between two forms (for the conflict notice).
    func differences(from other: PledgeForm, _ t: Strings) -> [String] {
        var names: [String] = []
        if title != other.title { names.append(t[.fieldTitle]) }
        if description != other.description { names.append(t[.fieldDescription]) }
        if grfID != other.grfID { names.append(t[.fieldGRFID]) }
        if kind != other.kind { names.append(t[.fieldKind]) }
        if owner != other.owner { names.append(t[.fieldOwner]) }
        if Set(coOwners) != Set(other.coOwners) { names.append(t[.fieldCoOwners]) }
        if Set(countries) != Set(other.countries) { names.append(t[.fieldCountries]) }
        if Set(measures) != Set(other.measures) { names.append(t[.navMeasures]) }
        if Set(targets) != Set(other.targets) { names.append(t[.measureSDGTargets]) }
        if Set(actions) != Set(other.actions) { names.append(t[.measureGCMActions]) }
        if startDate != other.startDate { names.append(t[.fieldStartDate]) }
        if targetDate != other.targetDate { names.append(t[.fieldTargetDate]) }
        if visibility != other.visibility { names.append(t[.fieldVisibility]) }
        return names
    }
}
