import Markup

/// `/feedback/{id}`: one piece of feedback with its answers, and what this reader may do
/// with it (the rights come from SQL). After a refused action or a typing mistake it comes
/// back with the message and what was typed.
struct FeedbackItemPage: PageView {
    /// What the reader typed into one of the forms, and what went wrong.
    struct Input: Sendable {
        var answer = ""
        var flagReason = ""
        var moderationReason = ""
        var errors = FieldErrors()
        /// The action changed nothing: not allowed, withdrawn, or already done.
        var refusal = false
    }

    let item: FeedbackQueries.Item
    let rights: FeedbackQueries.Rights
    let answers: [FeedbackQueries.Answer]
    let record: (decisions: [FeedbackQueries.Decision], flags: [FeedbackQueries.Flag])?
    let signedIn: Bool
    let input: Input

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t.format(.feedbackNumber, numbers: ["number": item.id]),
            breadcrumbs: [.init(title: t[.feedbackTitle], href: "/feedback")],
            content: """
                \(refusal(t))
                \(FormViews.errorSummary(input.errors, t))
                <p class="feedback-meta">\(FeedbackViews.attribution(item, t)) · \(Bidi.time(Formatting.iso(item.createdAt), Formatting.dateTime(item.createdAt, t.language)))</p>
                <p>\(FeedbackViews.badges(item, showModeration: rights.moderate, t))</p>
                \(FeedbackViews.about(item, t))
                \(stateForAuthor(t))
                \(FeedbackViews.text(item, t))
                <p class="hint">\(t.format(.scopeExplained, ["scope": t[item.scope.label], "who": t[item.scope.explanation]]))</p>
                \(answersSection(t))
                \(answerForm(context, t))
                \(reviewForm(context, t))
                \(moderation(context, t))
                \(flagForm(context, t))
                \(shareForm(context, t))
                \(withdrawForm(context, t))
                """)
    }

    private func refusal(_ t: Strings) -> HTML {
        guard input.refusal else { return .empty }
        let message: Strings.Key = item.withdrawn ? .refusedWithdrawn : rights.flagged ? .refusedAlreadyFlagged : .refusedAction
        return "<div class=\"flash flash-error\" role=\"alert\">\(t[message])</div>"
    }

    private func stateForAuthor(_ t: Strings) -> HTML {
        guard item.isMine, !item.withdrawn else { return .empty }
        switch item.moderation {
        case .pending: return "<p class=\"flash flash-info\">\(t[.authorPending])</p>"
        case .hidden: return "<p class=\"flash flash-warning\">\(t[.authorHidden])</p>"
        case .published: return .empty
        }
    }

    private func answersSection(_ t: Strings) -> HTML {
        let status: HTML = item.isMine ? "<p>\(t.format(.reviewStatusIs, ["status": t[item.review.label]]))</p>" : .empty
        let list: HTML =
            answers.isEmpty
            ? "<p>\(t[.noAnswers])</p>"
            : HTML.join(
                answers.map { answer -> HTML in
                    """
                    <article class="answers"><p class="feedback-meta">\(Bidi.format(t, .answerBy, "name", Bidi.isolate(answer.author))) · \(Formatting.dateTime(answer.at, t.language))</p>
                    <div class="feedback-text"\(Bidi.auto)>\(answer.body)</div></article>
                    """
                })
        return "<section aria-labelledby=\"answers\"><h2 id=\"answers\">\(t[.answersHeading])</h2>\(status)\(list)</section>"
    }

    private func answerForm(_ context: PageContext, _ t: Strings) -> HTML {
        guard rights.answer, !item.withdrawn else { return .empty }
        return FormViews.form(
            action: "/feedback/\(item.id)/answers", csrfToken: context.csrfToken,
            """
            <h2>\(t[.answerHeading])</h2>
            \(FormViews.textarea("answer", label: t[.fieldAnswer], value: input.answer, error: input.errors["answer"], hint: t[.answerHint], t))
            \(FormViews.button(t[.sendAnswer]))
            """)
    }

    private func reviewForm(_ context: PageContext, _ t: Strings) -> HTML {
        guard rights.setReview, !item.withdrawn else { return .empty }
        return FormViews.form(
            action: "/feedback/\(item.id)/review", csrfToken: context.csrfToken,
            """
            <h2>\(t[.reviewHeading])</h2>
            \(FormViews.select("review", label: t[.fieldReview], options: Review.options(t, selected: [item.review]), t))
            \(FormViews.button(t[.saveButton], secondary: true))
            """)
    }

    private func moderation(_ context: PageContext, _ t: Strings) -> HTML {
        guard rights.moderate, let record else { return .empty }
        let flags: HTML =
            record.flags.isEmpty
            ? .empty
            : """
            <h3>\(t[.openFlagsHeading])</h3><ul>\(record.flags.map { flag -> HTML in
                "<li>\(Formatting.dateTime(flag.at, t.language))\(t.colon)\(flag.reason.map(Bidi.isolate) ?? HTML(text: t[.feedbackWithdrawnText]))</li>" })</ul>
            """
        let history: HTML =
            record.decisions.isEmpty
            ? .empty
            : """
            <h3>\(t[.moderationHistory])</h3><ul>\(record.decisions.map { d -> HTML in
                "<li>\(Formatting.dateTime(d.at, t.language))\(t.colon)\(t[d.decision.label]) · \(d.actor.map(Bidi.isolate) ?? HTML(text: t[.readersFlags]))\(if: !d.reason.isEmpty, " · \(Bidi.isolate(d.reason))")</li>" })</ul>
            """
        var buttons: [HTML] = []
        if item.moderation == .pending {
            buttons.append("<button type=\"submit\" class=\"button\" name=\"decision\" value=\"published\">\(t[.publishButton])</button>")
        }
        if item.moderation == .hidden {
            buttons.append("<button type=\"submit\" class=\"button\" name=\"decision\" value=\"restored\">\(t[.restoreButton])</button>")
        }
        // Hiding is red and set apart from publishing, after the words that say what it does.
        let hide: HTML =
            item.moderation == .hidden
            ? .empty
            : """
            <div class="danger-zone"><p>\(t[.hideExplanation])</p>
            <button type="submit" class="button warning" name="decision" value="hidden">\(t[.hideButton])</button></div>
            """
        let form: HTML =
            item.withdrawn
            ? .empty
            : FormViews.form(
                action: "/feedback/\(item.id)/moderation", csrfToken: context.csrfToken,
                """
                \(FormViews.field("moderation_reason", label: t[.fieldModerationReason], value: input.moderationReason,
                              error: input.errors["moderation_reason"], hint: t[.moderationReasonHint], required: false, t))
                \(buttons.isEmpty ? .empty : "<p class=\"button-group\">\(buttons)</p>" as HTML)
                \(hide)
                """)
        return
            "<section aria-labelledby=\"moderation\"><h2 id=\"moderation\">\(t[.moderationHeading])</h2>\(form)\(flags)\(history)</section>"
    }

    private func flagForm(_ context: PageContext, _ t: Strings) -> HTML {
        guard signedIn, !item.isMine, !item.withdrawn, item.moderation == .published else { return .empty }
        if rights.flagged { return "<p class=\"hint\">\(t[.alreadyFlagged])</p>" }
        return """
            <details\(if: !input.flagReason.isEmpty || input.errors["reason"] != nil, " open")><summary>\(t[.flagSummary])</summary>
            \(FormViews.form(action: "/feedback/\(item.id)/flag", csrfToken: context.csrfToken, """
                \(FormViews.textarea("reason", label: t[.fieldFlagReason], value: input.flagReason, error: input.errors["reason"], hint: t[.flagHint], t))
                \(FormViews.button(t[.flagButton], secondary: true))
                """))
            </details>
            """
    }

    /// Asked again: the pledge has owners the author did not see when posting.
    private func shareForm(_ context: PageContext, _ t: Strings) -> HTML {
        guard rights.shareWithNewOwners else { return .empty }
        return FormViews.form(
            action: "/feedback/\(item.id)/audience", csrfToken: context.csrfToken,
            """
            <h2>\(t[.shareNewOwnersHeading])</h2>
            <p>\(t[.shareNewOwnersIntro])</p>
            \(FormViews.button(t[.shareNewOwnersButton], secondary: true))
            """)
    }

    private func withdrawForm(_ context: PageContext, _ t: Strings) -> HTML {
        guard item.isMine, !item.withdrawn else { return .empty }
        return FormViews.destructiveAction(
            heading: t[.withdrawFeedbackHeading], explanation: t[.withdrawFeedbackIntro], summary: t[.withdrawFeedbackButton],
            button: t[.withdrawFeedbackConfirm], action: "/feedback/\(item.id)/withdraw", csrfToken: context.csrfToken)
    }
}
