import Markup

/// Adding or editing a milestone; after a conflict, the same form with the other person's
/// saved values shown beside what this person typed.
struct MilestoneFormPage: PageView {
    enum Mode {
        case new(PledgeQueries.Pledge)
        case edit(PledgeQueries.Pledge, PledgeQueries.Milestone)
        case conflict(PledgeQueries.Pledge, PledgeQueries.Milestone)
    }

    let mode: Mode
    let input: MilestoneForm
    let errors: FieldErrors
    /// After a conflict: who saved the milestone last, and when.
    var lastChange: PledgeQueries.LastChange? = nil

    private var pledge: PledgeQueries.Pledge {
        switch mode {
        case .new(let p), .edit(let p, _), .conflict(let p, _): p
        }
    }

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let crumbs: [Page.Crumb] = [
            .init(title: t[.pledgesTitle], href: "/pledges"), .init(title: Bidi.plain(pledge.title), href: "/pledges/\(pledge.id)"),
        ]
        let (title, action): (String, String) =
            switch mode {
            case .new: (t[.newMilestoneTitle], "/pledges/\(pledge.id)/milestones/new")
            case .edit(_, let m), .conflict(_, let m):
                (t.format(.editMilestoneTitle, ["title": Bidi.plain(m.title)]), "/milestones/\(m.id)/edit")
            }
        return Page(
            title: title, breadcrumbs: crumbs,
            content: """
                \(conflictNotice(context))
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: action, csrfToken: context.csrfToken, fields(t)))
                <p><a href="/pledges/\(pledge.id)">\(t[.cancelBackToPledge])</a></p>
                """)
    }

    private func fields(_ t: Strings) -> HTML {
        let stage = Stage(rawValue: input.stage)
        let status = MilestoneStatus(rawValue: input.status)
        let evidence = (1...MilestoneForm.evidenceRows).map { n -> HTML in
            let row = n <= input.evidence.count ? input.evidence[n - 1] : ("", "")
            return """
                <div class="evidence-row">
                \(FormViews.field("evidence_title_\(n)", label: t.format(.evidenceTitleLabel, numbers: ["n": n]), value: row.0, error: errors["evidence_title_\(n)"], required: false, t))
                \(FormViews.field("evidence_url_\(n)", label: t.format(.evidenceURLLabel, numbers: ["n": n]), value: row.1, type: "url", error: errors["evidence_url_\(n)"], required: false, t))
                </div>
                """
        }
        return """
            <input type="hidden" name="version" value="\(String(input.version))">
            \(FormViews.select("stage", label: t[.fieldStage], options: Stage.options(t, selected: stage.map { [$0] } ?? []), error: errors["stage"], t))
            \(FormViews.field("title", label: t[.fieldTitle], value: input.title, error: errors["title"], t))
            \(FormViews.field("due_date", label: t[.fieldDueDate], value: input.dueDate, type: "date", error: errors["due_date"], required: false, t))
            \(FormViews.select("status", label: t[.fieldStatus], options: MilestoneStatus.options(t, selected: status.map { [$0] } ?? []), error: errors["status"], t))
            \(FormViews.field("percent_complete", label: t[.fieldPercent], value: input.percent, type: "number", error: errors["percent_complete"], hint: t[.percentHint], t))
            \(FormViews.field("completed_on", label: t[.fieldCompletedOn], value: input.completedOn, type: "date", error: errors["completed_on"], hint: t[.completedOnHint], required: false, t))
            \(FormViews.textarea("notes", label: t[.fieldNotes], value: input.notes, error: errors["notes"], t))
            <fieldset class="field"><legend>\(t[.fieldEvidence])</legend><p class="hint">\(t[.evidenceHint])</p>\(evidence)</fieldset>
            \(FormViews.field("why", label: t[.fieldWhy], value: input.why, hint: t[.whyHint], required: false, t))
            \(FormViews.button(t[.saveButton]))
            """
    }

    private func conflictNotice(_ context: PageContext) -> HTML {
        let t = context.strings
        guard case .conflict(_, let saved) = mode else { return .empty }
        let theirs = MilestoneForm(saved)
        let rows: [(Strings.Key, String, String)] = [
            (
                .fieldStage, Stage(rawValue: theirs.stage).map { t[$0.label] } ?? theirs.stage,
                Stage(rawValue: input.stage).map { t[$0.label] } ?? input.stage
            ),
            (.fieldTitle, theirs.title, input.title),
            (.fieldDueDate, theirs.dueDate, input.dueDate),
            (
                .fieldStatus, MilestoneStatus(rawValue: theirs.status).map { t[$0.label] } ?? theirs.status,
                MilestoneStatus(rawValue: input.status).map { t[$0.label] } ?? input.status
            ),
            (.fieldPercent, theirs.percent, input.percent),
            (.fieldCompletedOn, theirs.completedOn, input.completedOn),
            (.fieldNotes, theirs.notes, input.notes),
        ]
        let body = rows.map { row -> HTML in
            "<tr\(if: row.1 != row.2, " class=\"differs\"")><th scope=\"row\">\(t[row.0])</th><td>\(Bidi.isolate(row.1))</td><td>\(Bidi.isolate(row.2))</td></tr>"
        }
        return """
            <div class="flash flash-warning" role="alert">
            <h2>\(t[.conflictHeading])</h2>
            \(PledgeViews.lastChange(lastChange, context))
            <p>\(t[.conflictBody])</p>
            </div>
            <table class="conflict"><caption>\(t[.conflictCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldName])</th><th scope="col">\(t[.conflictTheirs])</th><th scope="col">\(t[.conflictYours])</th></tr></thead>
            <tbody>\(body)</tbody></table>
            """
    }
}
