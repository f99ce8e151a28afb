import Markup

/// `/pledges/{id}/translations`: the language a pledge was written in, and its title,
/// description and milestone titles in the other five. Each language folds away; those that
/// have a translation, or a mistake to fix, are open.
struct TranslationFormPage: PageView {
    let pledge: PledgeQueries.Pledge
    let milestones: [PledgeQueries.Milestone]
    let input: TranslationForm
    let errors: FieldErrors

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let original = Language(code: input.original) ?? pledge.language
        let others = Language.allCases.filter { $0 != pledge.language }
        let choice = FormViews.select(
            "language", label: t[.fieldOriginalLanguage],
            options: Language.allCases.map { ($0.rawValue, $0.autonym, $0 == original) }, error: errors["language"], t)
        let form = FormViews.form(
            action: "/pledges/\(pledge.id)/translations", csrfToken: context.csrfToken,
            """
            \(choice)
            \(HTML.join(others.map { section($0, context) }))
            \(FormViews.button(t[.translationSaveButton]))
            """, label: t[.translationsHeading])
        return Page(
            title: t.format(.translationsTitle, ["title": Bidi.plain(pledge.title)]),
            breadcrumbs: [
                .init(title: t[.pledgesTitle], href: "/pledges"),
                .init(title: Bidi.plain(pledge.shownTitle), href: "/pledges/\(pledge.id)"),
            ],
            content: """
                <p>\(t[.translationsIntro])</p>
                \(FormViews.errorSummary(errors, t))
                \(form)
                """)
    }

    /// One language's fields, in that language's direction.
    private func section(_ language: Language, _ context: PageContext) -> HTML {
        let t = context.strings
        let code = language.rawValue
        let entry = input.entries[language] ?? TranslationForm.Entry()
        let name = context.language.name(of: language)
        let hasError = errors.messages.contains { $0.field.hasSuffix("_\(code)") }
        let milestoneFields = milestones.map { m -> HTML in
            FormViews.field(
                "milestone_\(m.id)_\(code)", label: m.title, value: entry.milestones[m.id] ?? "",
                error: errors["milestone_\(m.id)_\(code)"], required: false, language: language, t)
        }
        return """
            <details class="translation"\(if: !entry.isEmpty || hasError, " open")>
            <summary><span lang="\(code)">\(language.autonym)</span>\(language == context.language ? "" : " · " + name)</summary>
            \(FormViews.field("title_\(code)", label: t.format(.translationTitleLabel, "language", name), value: entry.title,
                              error: errors["title_\(code)"], required: false, language: language, t))
            \(FormViews.textarea("description_\(code)", label: t.format(.translationDescriptionLabel, "language", name),
                                 value: entry.description, error: errors["description_\(code)"], language: language, t))
            \(milestones.isEmpty ? .empty : "<fieldset class=\"field\"><legend>\(t.format(.translationMilestonesHeading, "language", name))</legend>\(HTML.join(milestoneFields))</fieldset>" as HTML)
            </details>
            """
    }
}
