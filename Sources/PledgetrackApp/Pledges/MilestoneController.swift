import Database
import Foundation
import Hummingbird

/// Adding, editing, completing, reordering and dropping milestones, and the secretariat's
/// validation of evaluation milestones. Edits are optimistic: a form carries the version it
/// started from, and a stale one is refused (409) with the other person's change beside what
/// this person typed. Nothing is overwritten silently.
struct MilestoneController {
    let db: ConnectionPool
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
        let t = request.pageContext(context).strings
        let valid: MilestoneForm.Valid
        switch input.validate(today: Self.today) {
        case .failure(let errors):
            return try render(
                request, context, MilestoneFormPage(mode: .new(pledge), input: input, errors: errors), status: .unprocessableContent
            )
            .response(from: request, context: context)
        case .success(let v): valid = v
        }
        let actor = context.user
        let origin = context.origin
        let milestoneID = try await db.transaction { db -> Int in
            let id = try db.queryValue(
                """
                INSERT INTO milestone (pledge_id, stage, position, title, due_date, status, percent_complete, completed_on, notes, validation)
                SELECT \(pledge.id), \(valid.stage.rawValue), COALESCE(max(position), 0) + 1, \(valid.title), \(valid.dueDate),
                       \(valid.status.rawValue), \(valid.percent), \(valid.completedOn), \(valid.notes),
                       \(Self.validation(for: valid, by: actor, previous: nil)?.rawValue)
                FROM milestone WHERE pledge_id = \(pledge.id) AND stage = \(valid.stage.rawValue)
                RETURNING id
                """, as: Int.self)
            try Self.replaceEvidence(id, valid.evidence, on: db)
            try History.record(
                pledgeID: pledge.id, milestoneID: id, action: "milestone.created", actorID: actor?.id, why: input.why,
                changes: valid.changes(from: nil, t), on: db)
            try Audit.record(
                AuditEvent("milestone.created", actorID: actor?.id, targetType: "milestone", targetID: String(id)), origin, on: db)
            return id
        }
        return .seeOther(
            "/pledges/\(pledge.id)#milestone-\(milestoneID)",
            setting: [cookies.make(cookies.flash, Strings.Key.flashMilestoneSaved.rawValue)])
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
        let t = request.pageContext(context).strings
        let valid: MilestoneForm.Valid
        switch input.validate(today: Self.today) {
        case .failure(let errors):
            return try render(
                request, context, MilestoneFormPage(mode: .edit(pledge, stored), input: input, errors: errors),
                status: .unprocessableContent
            )
            .response(from: request, context: context)
        case .success(let v): valid = v
        }
        // Someone saved since this form was opened: show both, overwrite nothing.
        guard input.version == stored.version else { return try conflict(request, context, pledge, stored, input) }
        let actor = context.user
        let origin = context.origin
        let changes = valid.changes(from: stored, t)
        let saved = try await db.transaction { db -> Bool in
            let updated = try db.execute(
                """
                UPDATE milestone SET stage = \(valid.stage.rawValue), title = \(valid.title), due_date = \(valid.dueDate),
                       status = \(valid.status.rawValue), percent_complete = \(valid.percent), completed_on = \(valid.completedOn),
                       notes = \(valid.notes), validation = \(Self.validation(for: valid, by: actor, previous: stored)?.rawValue),
                       validation_reason = CASE WHEN \(valid.status.rawValue) = 'done' THEN validation_reason END,
                       position = CASE WHEN stage = \(valid.stage.rawValue) THEN position
                                       ELSE (SELECT COALESCE(max(position), 0) + 1 FROM milestone
                                             WHERE pledge_id = \(pledge.id) AND stage = \(valid.stage.rawValue)) END,
                       version = version + 1, updated_at = now()
                WHERE id = \(stored.id) AND version = \(input.version)
                """)
            guard updated == 1 else { return false }
            try Self.replaceEvidence(stored.id, valid.evidence, on: db)
            try History.record(
                pledgeID: pledge.id, milestoneID: stored.id, action: "milestone.updated", actorID: actor?.id,
                why: input.why, changes: changes, on: db)
            try Audit.record(
                AuditEvent("milestone.updated", actorID: actor?.id, targetType: "milestone", targetID: String(stored.id)), origin, on: db)
            return true
        }
        guard saved else {
            // Lost the race between reading and writing: the same answer as above.
            let (_, current) = try await editableMilestone(context)
            return try conflict(request, context, pledge, current, input)
        }
        return .seeOther(
            "/pledges/\(pledge.id)#milestone-\(stored.id)", setting: [cookies.make(cookies.flash, Strings.Key.flashMilestoneSaved.rawValue)]
        )
    }

    private func conflict(
        _ request: Request, _ context: AppRequestContext, _ pledge: PledgeQueries.Pledge, _ current: PledgeQueries.Milestone,
        _ input: MilestoneForm
    ) throws -> Response {
        var mine = input
        mine.version = current.version  // sending the form again saves it over the other change, knowingly
        let page = MilestoneFormPage(mode: .conflict(pledge, current), input: mine, errors: FieldErrors())
        return try render(request, context, page, status: .conflict).response(from: request, context: context)
    }

    // MARK: Order and validation

    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (pledge, milestone) = try await editableMilestone(context)
        let up = context.form.string("direction") == "up"
        let actor = context.user
        let origin = context.origin
        try await db.transaction { db in
            let neighbour = try db.queryFirst(
                """
                SELECT id, position FROM milestone
                WHERE pledge_id = \(pledge.id) AND stage = \(milestone.stage.rawValue)
                  AND CASE WHEN \(up) THEN position < \(milestone.position) ELSE position > \(milestone.position) END
                ORDER BY CASE WHEN \(up) THEN -position ELSE position END
                LIMIT 1
                """
            ) { row in (try row.decode(0, as: Int.self), try row.decode(1, as: Int.self)) }
            guard let (otherID, otherPosition) = neighbour else { return }
            try db.execute("UPDATE milestone SET position = \(otherPosition), version = version + 1 WHERE id = \(milestone.id)")
            try db.execute("UPDATE milestone SET position = \(milestone.position), version = version + 1 WHERE id = \(otherID)")
            try Audit.record(
                AuditEvent(
                    "milestone.moved", actorID: actor?.id, targetType: "milestone", targetID: String(milestone.id),
                    detail: ["direction": up ? "up" : "down"]), origin, on: db)
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
            return .seeOther(
                "/pledges/\(pledge.id)#milestone-\(milestone.id)",
                setting: [cookies.make(cookies.flash, Strings.Key.flashReasonNeeded.rawValue)])
        }
        let actor = context.user
        let origin = context.origin
        let t = request.pageContext(context).strings
        try await db.transaction { db in
            try db.execute(
                """
                UPDATE milestone SET validation = \(decision.rawValue), validation_reason = \(decision == .sentBack ? reason : nil),
                       version = version + 1, updated_at = now()
                WHERE id = \(milestone.id)
                """)
            try History.record(
                pledgeID: pledge.id, milestoneID: milestone.id, action: "milestone.\(decision.rawValue)", actorID: actor?.id,
                why: reason,
                changes: [.init(field: t[.fieldValidation], old: milestone.validation.map { t[$0.label] } ?? "", new: t[decision.label])],
                on: db)
            try Audit.record(
                AuditEvent("milestone.\(decision.rawValue)", actorID: actor?.id, targetType: "milestone", targetID: String(milestone.id)),
                origin, on: db)
        }
        return .seeOther(
            "/pledges/\(pledge.id)#milestone-\(milestone.id)",
            setting: [cookies.make(cookies.flash, Strings.Key.flashMilestoneSaved.rawValue)])
    }

    // MARK: Helpers

    static var today: CalendarDate {
        CalendarDate(dayNumber: Int(Date().timeIntervalSince1970.rounded(.down)) / 86_400)
    }

    /// An evaluation milestone a focal point marks done waits for the secretariat; one the
    /// secretariat marks done is validated; anything not done needs no validation.
    static func validation(for valid: MilestoneForm.Valid, by actor: SignedInUser?, previous: PledgeQueries.Milestone?) -> ValidationState?
    {
        guard valid.stage == .evaluation, valid.status == .done else { return nil }
        if actor?.has(.secretariat) == true { return .validated }
        if let previous, previous.status == .done, previous.validation == .validated { return .validated }
        return .pending
    }

    static func replaceEvidence(_ milestoneID: Int, _ evidence: [PledgeQueries.Evidence], on db: Connection) throws {
        try db.execute("DELETE FROM milestone_evidence WHERE milestone_id = \(milestoneID)")
        try db.execute(
            """
            INSERT INTO milestone_evidence (milestone_id, position, title, url)
            SELECT \(milestoneID), ordinality, title, url
            FROM unnest(\(evidence.map(\.title))::text[], \(evidence.map(\.url))::text[]) WITH ORDINALITY AS e(title, url, ordinality)
            """)
    }

    private func editablePledge(_ id: String?, _ context: AppRequestContext) async throws -> PledgeQueries.Pledge {
        guard let id = id.flatMap({ Int($0) }) else { throw HTTPError(.notFound) }
        let reader = context.user
        guard let pledge = try await db.withConnection({ db in try PledgeQueries.pledge(id, reader: reader, on: db) }) else {
            throw HTTPError(.notFound)
        }
        guard PledgeAccess.canEdit(reader, owner: pledge.ownerID, coOwners: pledge.coOwnerIDs) else { throw HTTPError(.forbidden) }
        return pledge
    }

    private func editableMilestone(_ context: AppRequestContext) async throws -> (PledgeQueries.Pledge, PledgeQueries.Milestone) {
        guard let id = context.parameters.get("id").flatMap({ Int($0) }),
            let milestone = try await db.withConnection({ db in try PledgeQueries.milestone(id, on: db) })
        else { throw HTTPError(.notFound) }
        return (try await editablePledge(String(milestone.pledgeID), context), milestone)
    }

    private func render(
        _ request: Request, _ context: AppRequestContext, _ page: MilestoneFormPage, status: HTTPResponse.Status = .ok
    ) -> HTMLResponse {
        let pageContext = request.pageContext(context)
        return HTMLResponse(status: status, page: page.page(pageContext), context: pageContext)
    }
}
