import Database
import Foundation
import Hummingbird

/// Adding, editing, completing, reordering and dropping milestones, and the secretariat's
/// validation of evaluation milestones. Edits are optimistic: a form carries the version it
/// started from, and a stale one is refused (409) with the other person's change beside what
/// this person typed. Nothing is overwritten silently.
struct MilestoneController {
    let pool: ConnectionPool
    let cookies: CookiePolicy
    static let editors: Access = .roles([.secretariat, .focalPoint])

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/pledges/{id}/milestones/new", Self.editors, showNew)
        routes.post("/pledges/{id}/milestones/new", Self.editors, create)
        routes.get("/milestones/{id}/edit", Self.editors, showEdit)
        routes.post("/milestones/{id}/edit", Self.editors, update)
        routes.post("/milestones/{id}/move", Self.editors, move)
        routes.post("/milestones/{id}/validation", .roles([.secretariat]), validate)
    }

    // MARK: New

    @Sendable func showNew(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let pledge = try await editablePledge(context.parameters.get("id"), context)
        var input = MilestoneForm()
        input.stage = request.uri.queryParameters["stage"].flatMap { Stage(rawValue: String($0)) }?.rawValue ?? Stage.commitment.rawValue
        return render(request, context, MilestoneFormPage(mode: .new(pledge), input: input, errors: FieldErrors()))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pledge = try await editablePledge(context.parameters.get("id"), context)
        let input = MilestoneForm(context.form)
        let valid: MilestoneForm.Valid
        switch input.validate(today: AppClock.today) {
        case .failure(let errors):
            return try render(
                request, context, MilestoneFormPage(mode: .new(pledge), input: input, errors: errors), status: .unprocessableContent
            )
            .response(from: request, context: context)
        case .success(let v): valid = v
        }
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: input.why)
        let validation = Self.validation(for: valid, by: context.user, previous: nil)
        let changes = valid.changes(from: nil)
        let milestoneID = try await pool.transaction { connection in
            try PledgeWrites.createMilestone(
                pledgeID: pledge.id, valid, validation: validation, changes: changes, by: author, on: connection)
        }
        return cookies.redirect("/pledges/\(pledge.id)#milestone-\(milestoneID)", flash: .flashMilestoneSaved)
    }

    // MARK: Edit

    @Sendable func showEdit(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let (pledge, milestone) = try await editableMilestone(context)
        return render(
            request, context, MilestoneFormPage(mode: .edit(pledge, milestone), input: MilestoneForm(milestone), errors: FieldErrors()))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (pledge, stored) = try await editableMilestone(context)
        let input = MilestoneForm(context.form)
        let valid: MilestoneForm.Valid
        switch input.validate(today: AppClock.today) {
        case .failure(let errors):
            return try render(
                request, context, MilestoneFormPage(mode: .edit(pledge, stored), input: input, errors: errors),
                status: .unprocessableContent
            )
            .response(from: request, context: context)
        case .success(let v): valid = v
        }
        // Someone saved since this form was opened: show both, overwrite nothing.
        guard input.version == stored.version else { return try await conflict(request, context, pledge, stored, input) }
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: input.why)
        let validation = Self.validation(for: valid, by: context.user, previous: stored)
        let changes = valid.changes(from: stored)
        let saved = try await pool.withConnection { connection in
            try PledgeWrites.updateMilestone(
                stored.id, pledgeID: pledge.id, version: input.version, valid, validation: validation, changes: changes,
                evidenceChanged: valid.evidence != stored.evidence, by: author, on: connection)
        }
        guard saved else {
            // Lost the race between reading and writing: the same answer as above.
            let (_, current) = try await editableMilestone(context)
            return try await conflict(request, context, pledge, current, input)
        }
        return cookies.redirect("/pledges/\(pledge.id)#milestone-\(stored.id)", flash: .flashMilestoneSaved)
    }

    private func conflict(
        _ request: Request, _ context: AppRequestContext, _ pledge: PledgeQueries.Pledge, _ current: PledgeQueries.Milestone,
        _ input: MilestoneForm
    ) async throws -> Response {
        var mine = input
        mine.version = current.version  // sending the form again saves it over the other change, knowingly
        let last = try await pool.withConnection { connection in
            try PledgeQueries.lastChange(pledgeID: pledge.id, milestoneID: current.id, on: connection)
        }
        let page = MilestoneFormPage(mode: .conflict(pledge, current), input: mine, errors: FieldErrors(), lastChange: last)
        return try render(request, context, page, status: .conflict).response(from: request, context: context)
    }

    // MARK: Order and validation

    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (pledge, milestone) = try await editableMilestone(context)
        let up = context.form.string("direction") == "up"
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: "")
        try await pool.transaction { connection in
            try PledgeWrites.moveMilestone(milestone, pledgeID: pledge.id, up: up, by: author, on: connection)
        }
        return .seeOther("/pledges/\(pledge.id)#milestone-\(milestone.id)")
    }

    @Sendable func validate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (pledge, milestone) = try await editableMilestone(context)
        let decision = ValidationState(rawValue: context.form.string("decision"))
        let reason = context.form.trimmed("reason")
        guard milestone.stage == .evaluation, milestone.status == .done, let decision, decision != .pending else {
            throw HTTPError(.badRequest)
        }
        if decision == .sentBack, reason.isEmpty {
            return cookies.redirect("/pledges/\(pledge.id)#milestone-\(milestone.id)", flash: .flashReasonNeeded)
        }
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: reason)
        let change = PledgeQueries.FieldChange(
            field: Strings.stored(.fieldValidation), old: milestone.validation.map { Strings.stored($0.label) } ?? "",
            new: Strings.stored(decision.label))
        try await pool.transaction { connection in
            try PledgeWrites.setValidation(milestone.id, pledgeID: pledge.id, decision, change: change, by: author, on: connection)
        }
        return cookies.redirect("/pledges/\(pledge.id)#milestone-\(milestone.id)", flash: .flashMilestoneSaved)
    }

    // MARK: Helpers

    /// An evaluation milestone a focal point marks done waits for the secretariat; one the
    /// secretariat marks done is validated; anything not done needs no validation.
    static func validation(for valid: MilestoneForm.Valid, by actor: SignedInUser?, previous: PledgeQueries.Milestone?) -> ValidationState?
    {
        guard valid.stage == .evaluation, valid.status == .done else { return nil }
        if actor?.has(.secretariat) == true { return .validated }
        if let previous, previous.status == .done, previous.validation == .validated { return .validated }
        return .pending
    }

    private func editablePledge(_ id: String?, _ context: AppRequestContext) async throws -> PledgeQueries.Pledge {
        guard let id = id.flatMap({ Int($0) }) else { throw HTTPError(.notFound) }
        let reader = context.user
        guard let pledge = try await pool.withConnection({ connection in try PledgeQueries.pledge(id, reader: reader, on: connection) })
        else {
            throw HTTPError(.notFound)
        }
        guard PledgeAccess.canEdit(reader, owner: pledge.ownerID, coOwners: pledge.coOwnerIDs) else { throw HTTPError(.forbidden) }
        return pledge
    }

    private func editableMilestone(_ context: AppRequestContext) async throws -> (PledgeQueries.Pledge, PledgeQueries.Milestone) {
        guard let id = context.intParameter("id"),
            let milestone = try await pool.withConnection({ connection in try PledgeQueries.milestone(id, on: connection) })
        else { throw HTTPError(.notFound) }
        return (try await editablePledge(String(milestone.pledgeID), context), milestone)
    }

    private func render(
        _ request: Request, _ context: AppRequestContext, _ page: MilestoneFormPage, status: HTTPResponse.Status = .ok
    ) -> HTMLResponse {
        return HTMLResponse(page, status: status, request, context)
    }
}
