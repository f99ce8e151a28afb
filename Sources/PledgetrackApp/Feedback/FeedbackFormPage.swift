import Markup

/// `/feedback/new`: a member writes feedback. Finding a pledge posts the whole form back, so
/// nothing typed is lost and it works without JavaScript; the scope starts at the most
/// restrictive choice, "panel only".
struct FeedbackFormPage: PageView {
    let membership: PanelQueries.Membership
    let input: FeedbackForm
    let choice: (FeedbackQueries.PledgeChoice, [(id: Int, title: String)])?
    /// Pledges matching the search, when the member searched.
    let results: [FeedbackQueries.PledgeChoice]?
    let errors: FieldErrors

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let form = FormViews.form(
            action: "/feedback/new", csrfToken: context.csrfToken,
            """
            <button type="submit" name="action" value="post" class="visually-hidden" tabindex="-1" aria-hidden="true">\(t[.sendFeedback])</button>
            \(pledgePicker(t))
            \(FormViews.textarea("body", label: t[.fieldFeedback], value: input.body, error: errors["body"],
                                 hint: t.format(.feedbackHint, numbers: ["max": FeedbackForm.maxBody]), t))
            \(FormViews.select("language", label: t[.fieldWritingLanguage],
                options: Language.allCases.map { ($0.rawValue, $0.autonym, $0.rawValue == (input.language.isEmpty ? t.language.rawValue : input.language)) },
                error: errors["language"], t))
            \(FormViews.field("content_note", label: t[.fieldContentNote], value: input.contentNote, error: errors["content_note"],
                              hint: t[.contentNoteHint], required: false, t))
            \(scopeChoice(t))
            <button type="submit" name="action" value="post" class="button">\(t[.sendFeedback])</button>
            """)
        return Page(
            title: t[.writeFeedback], breadcrumbs: [.init(title: t[.feedbackTitle], href: "/feedback")],
            content: """
                <p>\(Bidi.format(t, .writeFeedbackIntro, "panel", Bidi.isolate(membership.panelName)))</p>
                <p><strong>\(t[.noNamesWarning])</strong></p>
                \(FormViews.errorSummary(errors, t))
                \(form)
                """)
    }

    private func pledgePicker(_ t: Strings) -> HTML {
        let error: HTML = errors["pledge_search"].map { "<p class=\"field-error\" id=\"pledge_search-error\">\(t[$0])</p>" } ?? .empty
        if let (pledge, milestones) = choice {
            let outside: HTML = pledge.inPanelCountries ? .empty : "<p class=\"hint\">\(t[.outsidePanelNote])</p>"
            let options = milestones.map { ("\($0.id)", $0.title, input.milestoneID == "\($0.id)") }
            return """
                <fieldset class="field"><legend>\(t[.feedbackAboutLegend])</legend>
                <input type="hidden" name="pledge" value="\(pledge.id)">
                <p>\(t[.feedbackAboutPledge]) <strong>\(Bidi.isolate(pledge.title))</strong></p>\(outside)
                \(if: !milestones.isEmpty, FormViews.select("milestone", label: t[.fieldMilestoneOptional], options: options,
                                                             error: errors["milestone"], blank: t[.noneOption], t))
                <button type="submit" name="action" value="clear" class="button secondary">\(t[.chooseAnotherPledge])</button>
                </fieldset>
                """
        }
        let found: HTML
        if let results {
            found =
                results.isEmpty
                ? "<p>\(t[.noPledgeFound])</p>"
                : """
                <fieldset class="field"><legend>\(t[.pledgesFoundLegend])</legend>
                \(results.enumerated().map { index, r -> HTML in
                    """
                    <div class="checkbox"><input type="radio" id="pledge-\(index)" name="pledge" value="\(r.id)">
                    <label for="pledge-\(index)">\(Bidi.isolate(r.title))\(if: !r.inPanelCountries, " (\(t[.outsidePanelShort]))")</label></div>
                    """ })
                <button type="submit" name="action" value="choose" class="button secondary">\(t[.useThisPledge])</button>
                </fieldset>
                """
        } else {
            found = .empty
        }
        return """
            <fieldset class="field\(if: errors["pledge_search"] != nil, " has-error")"><legend>\(t[.feedbackAboutLegend])</legend>
            <p class="hint" id="pledge_search-hint">\(t[.pledgeSearchHint])</p>\(error)
            <label for="pledge_search">\(t[.fieldPledgeSearch])</label>
            <input id="pledge_search" name="pledge_search" type="search" value="\(input.pledgeSearch)"\(Bidi.auto) aria-describedby="pledge_search-hint">
            <button type="submit" name="action" value="find" class="button secondary">\(t[.findPledges])</button>
            \(found)
            </fieldset>
            """
    }

    private func scopeChoice(_ t: Strings) -> HTML {
        let error: HTML = errors["scope"].map { "<p class=\"field-error\" id=\"scope\">\(t[$0])</p>" } ?? .empty
        let options = FeedbackScope.allCases.map { scope -> HTML in
            """
            <div class="checkbox"><input type="radio" id="scope-\(scope.rawValue)" name="scope" value="\(scope.rawValue)"\(if: input.scope == scope.rawValue, " checked") aria-describedby="scope-\(scope.rawValue)-hint">
            <label for="scope-\(scope.rawValue)">\(t[scope.label])</label>
            <p class="hint" id="scope-\(scope.rawValue)-hint">\(t[scope.explanation])</p></div>
            """
        }
        return
            "<fieldset class=\"field scope-choice\(if: errors["scope"] != nil, " has-error")\"><legend>\(t[.fieldScope])</legend>\(error)\(options)</fieldset>"
    }
}
