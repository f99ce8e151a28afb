import Database
import Hummingbird

/// `/pledges/{id}/translations`: the pledge's editors record the language it was written in
/// and its title, description and milestone titles in other languages.
extension PledgeController {
    @Sendable func showTranslations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pledge = try await editable(context)
        let (milestones, entries) = try await milestonesAndTranslations(of: pledge)
        let page = TranslationFormPage(
            pledge: pledge, milestones: milestones, input: TranslationForm(original: pledge.language, entries: entries),
            errors: FieldErrors())
        return try HTMLResponse(page, request, context).response(from: request, context: context)
    }

    @Sendable func saveTranslations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pledge = try await editable(context)
        let (milestones, stored) = try await milestonesAndTranslations(of: pledge)
        let input = TranslationForm(context.form, milestoneIDs: milestones.map(\.id))
        let valid: TranslationForm.Valid
        switch input.validate() {
        case .failure(let errors):
            let page = TranslationFormPage(pledge: pledge, milestones: milestones, input: input, errors: errors)
            return try HTMLResponse(page, status: .unprocessableContent, request, context).response(from: request, context: context)
        case .success(let v): valid = v
        }
        let t = request.pageContext(context).strings
        let changes = Self.translationChanges(from: stored, original: pledge.language, to: valid, t)
        let author = PledgeWrites.Author(actor: context.user, origin: context.origin, why: "")
        try await pool.transaction { connection in
            try PledgeWrites.saveTranslations(
                pledgeID: pledge.id, valid, milestoneIDs: milestones.map(\.id), changes: changes, by: author, on: connection)
        }
        return cookies.redirect("/pledges/\(pledge.id)", flash: .flashTranslationsSaved)
    }

    /// The pledge's milestones and every translation it has, read together.
    private func milestonesAndTranslations(
        of pledge: PledgeQueries.Pledge
    ) async throws -> ([PledgeQueries.Milestone], [Language: TranslationForm.Entry]) {
        try await pool.withConnection { connection in
            (
                try PledgeQueries.milestones(pledgeID: pledge.id, on: connection),
                try PledgeQueries.translations(pledgeID: pledge.id, on: connection)
            )
        }
    }

    /// What the history says changed: the original language, and each translated title and
    /// description that is new, different or gone (milestone titles are counted with them).
    static func translationChanges(
        from stored: [Language: TranslationForm.Entry], original: Language, to valid: TranslationForm.Valid, _ t: Strings
    ) -> [PledgeQueries.FieldChange] {
        var changes: [PledgeQueries.FieldChange] = []
        if valid.original != original {
            changes.append(.init(field: Strings.stored(.fieldOriginalLanguage), old: original.autonym, new: valid.original.autonym))
        }
        for language in Language.allCases where language != valid.original {
            let before = stored[language] ?? TranslationForm.Entry()
            let after = (valid.entries[language] ?? nil) ?? TranslationForm.Entry()
            if before.title != after.title {
                changes.append(
                    .init(field: Strings.stored(.translationTitleLabel, language: language), old: before.title, new: after.title))
            }
            if before.description != after.description {
                changes.append(
                    .init(
                        field: Strings.stored(.translationDescriptionLabel, language: language), old: before.description,
                        new: after.description))
            }
            if before.milestones.filter({ !$0.value.isEmpty }) != after.milestones.filter({ !$0.value.isEmpty }) {
                changes.append(
                    .init(
                        field: Strings.stored(.translationMilestonesHeading, language: language),
                        old: before.milestones.values.sorted().joined(separator: "; "),
                        new: after.milestones.values.sorted().joined(separator: "; ")))
            }
        }
        return changes
    }
}
