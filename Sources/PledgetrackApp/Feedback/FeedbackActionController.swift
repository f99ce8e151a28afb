import Database
import Foundation
import Hummingbird

/// What people do to one piece of feedback: its author withdraws it; readers flag it;
/// moderators publish, hide or restore it; the secretariat and the pledge's focal points
/// answer it; the secretariat moves its review status. Each write checks, in SQL, that this
/// reader may do it; a refusal or a typing mistake brings the item back with a clear message
/// and what was typed, and changes nothing.
struct FeedbackActionController {
    let pool: ConnectionPool
    let cookies: CookiePolicy
    let vacuum: ErasureVacuum

    func addRoutes(to routes: inout RouteTable) {
        routes.post("/feedback/{id}/withdraw", .roles([.panelMember]), withdraw)
        routes.post("/feedback/{id}/audience", .roles([.panelMember]), shareWithPresentOwners)
        routes.post("/feedback/{id}/flag", .signedIn, flag)
        routes.post("/feedback/{id}/moderation", FeedbackController.moderators, moderate)
        routes.post("/feedback/{id}/answers", .roles([.secretariat, .focalPoint]), answer)
        routes.post("/feedback/{id}/review", .roles([.secretariat]), review)
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, user) = try target(context)
        let response = try await act(request, context, id, event: "feedback.withdrawn", done: .flashFeedbackWithdrawn) { connection in
            try FeedbackWrites.withdraw(id, author: user.id, on: connection)
        }
        if response.status == .seeOther { vacuum.request() }  // the erased text leaves the data files soon
        return response
    }

    /// "Pledge owners" means the owners the author saw; after the pledge's owners changed, the
    /// author may choose to share it with the present ones too.
    @Sendable func shareWithPresentOwners(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, user) = try target(context)
        return try await act(request, context, id, event: "feedback.audience_widened", done: .flashFeedbackShared) { connection in
            try FeedbackWrites.shareWithPresentOwners(id, author: user.id, on: connection)
        }
    }

    @Sendable func flag(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, user) = try target(context)
        let reason = context.form.trimmed("reason")
        var input = FeedbackItemPage.Input()
        input.flagReason = reason
        if reason.isEmpty || reason.length > 500 {
            input.errors.add("reason", reason.isEmpty ? .flagReasonMissing : .flagReasonTooLong)
            return try await again(request, context, id, input, status: .unprocessableContent)
        }
        return try await act(request, context, id, event: "feedback.flagged", done: .flashFeedbackFlagged, input: input) { connection in
            try FeedbackWrites.flag(id, reader: user.id, reason: reason, on: connection)
        }
    }

    @Sendable func moderate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, user) = try target(context)
        guard let decision = ModerationDecision(rawValue: context.form.string("decision")), decision != .hiddenByFlags else {
            throw HTTPError(.badRequest)
        }
        let reason = context.form.trimmed("moderation_reason")
        var input = FeedbackItemPage.Input()
        input.moderationReason = reason
        if decision != .publish, reason.isEmpty { input.errors.add("moderation_reason", .moderationReasonMissing) }
        if reason.length > 500 { input.errors.add("moderation_reason", .moderationReasonTooLong) }
        if !input.errors.isEmpty { return try await again(request, context, id, input, status: .unprocessableContent) }
        return try await act(request, context, id, event: "feedback.\(decision.rawValue)", done: .flashModerationSaved, input: input) {
            connection in
            try FeedbackWrites.moderate(id, decision: decision, reason: reason, reader: user.id, on: connection)
        }
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, user) = try target(context)
        let body = FeedbackForm.clean(context.form.string("answer")).trimmingCharacters(in: .whitespacesAndNewlines)
        var input = FeedbackItemPage.Input()
        input.answer = body
        if body.isEmpty { input.errors.add("answer", .answerEmpty) }
        if body.unicodeScalars.count > FeedbackForm.maxBody { input.errors.add("answer", .answerTooLong) }
        if !input.errors.isEmpty { return try await again(request, context, id, input, status: .unprocessableContent) }
        return try await act(request, context, id, event: "feedback.answered", done: .flashAnswerSent, input: input) { connection in
            try FeedbackWrites.answer(id, body: body, reader: user.id, on: connection)
        }
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, user) = try target(context)
        guard let status = Review(rawValue: context.form.string("review")) else { throw HTTPError(.badRequest) }
        return try await act(request, context, id, event: "feedback.review.\(status.rawValue)", done: .flashReviewSaved) { connection in
            try FeedbackWrites.setReview(id, to: status, reader: user.id, on: connection)
        }
    }

    // MARK: Helpers

    private func target(_ context: AppRequestContext) throws -> (Int, SignedInUser) {
        guard let id = context.intParameter("id") else { throw HTTPError(.notFound) }
        guard let user = context.user else { throw HTTPError(.forbidden) }
        return (id, user)
    }

    /// Runs a write and its audit event in one transaction. When the write changes nothing
    /// (not allowed, withdrawn, already done), the item comes back with the reason.
    private func act(
        _ request: Request, _ context: AppRequestContext, _ id: Int, event: String, done: Strings.Key,
        input: FeedbackItemPage.Input = FeedbackItemPage.Input(), _ write: @escaping @Sendable (Connection) throws -> Bool
    ) async throws -> Response {
        let actor = context.user?.id
        let origin = context.origin
        let changed = try await pool.transaction { connection -> Bool in
            guard try write(connection) else { return false }
            try Audit.record(AuditEvent(event, actorID: actor, targetType: "feedback", targetID: String(id)), origin, on: connection)
            return true
        }
        guard changed else {
            var refused = input
            refused.refusal = true
            return try await again(request, context, id, refused, status: .conflict)
        }
        return cookies.redirect("/feedback/\(id)", flash: done)
    }

    /// The item again, with a message and what was typed. An item this reader cannot see is 404.
    private func again(
        _ request: Request, _ context: AppRequestContext, _ id: Int, _ input: FeedbackItemPage.Input,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let view = try await FeedbackItemPage.load(id, context, pool, input: input)
        return try HTMLResponse(view, status: status, request, context).response(from: request, context: context)
    }
}

extension FeedbackItemPage {
    /// The item as this reader may see it, with its answers and (for moderators) its record.
    /// Opening it is an audited read for staff (see `FeedbackQueries.open`).
    static func load(
        _ id: Int, _ context: AppRequestContext, _ pool: ConnectionPool, input: Input = Input()
    ) async throws -> FeedbackItemPage {
        let reader = context.user?.id
        let seesRestricted = PledgeAccess.seesRestricted(context.user)
        let origin = context.origin
        let found = try await pool.transaction { connection -> FeedbackItemPage? in
            guard
                let (item, rights) = try FeedbackQueries.open(
                    id, reader: reader, seesRestricted: seesRestricted, origin: origin, on: connection)
            else {
                return nil
            }
            let answers = try FeedbackQueries.answers(id, reader: reader, on: connection)
            let record = rights.moderate ? try FeedbackQueries.moderationRecord(id, reader: reader, on: connection) : nil
            return FeedbackItemPage(item: item, rights: rights, answers: answers, record: record, signedIn: reader != nil, input: input)
        }
        guard let found else { throw HTTPError(.notFound) }
        return found
    }
}
