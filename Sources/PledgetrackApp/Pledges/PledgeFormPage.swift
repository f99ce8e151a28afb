import Markup

/// Creating and editing a pledge; after a conflict, the form with this person's values and a
/// note of what the other person changed.
struct PledgeFormPage: PageView {
    enum Mode {
        case new
        case edit(PledgeQueries.Pledge)
        case conflict(PledgeQueries.Pledge, [String], PledgeQueries.LastChange?)
    }

    let mode: Mode
    let input: PledgeForm
    let errors: FieldErrors
    let choices: PledgeForm.Choices
    let reference: ReferenceData

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        var crumbs: [Page.Crumb] = [.init(title: t[.pledgesTitle], href: "/pledges")]
        let title: String, action: String
        var notice: HTML = .empty
        var withdraw: HTML = .empty
        switch mode {
        case .new:
            title = t[.newPledgeButton]
            action = "/pledges/new"
        case .edit(let p), .conflict(let p, _, _):
            crumbs.append(.init(title: Bidi.plain(p.title), href: "/pledges/\(p.id)"))
            title = t.format(.editPledgeTitle, ["title": Bidi.plain(p.title)])
            action = "/pledges/\(p.id)/edit"
            if case .conflict(_, let fields, let last) = mode {
                notice = """
                    <div class="flash flash-warning" role="alert"><h2>\(t[.conflictHeading])</h2>
                    \(PledgeViews.lastChange(last, context))<p>\(t[.pledgeConflictBody])</p><p>\(t[.conflictFields]) \(fields.joined(separator: ", "))</p></div>
                    """
            }
            if p.status != .withdrawn {
                // Withdrawing is asked for on its own page, which says what it does.
                withdraw = """
                    <section class="danger-zone"><h2>\(t[.withdrawHeading])</h2>
                    <p><a href="/pledges/\(p.id)/withdraw">\(t[.withdrawLink])</a></p></section>
                    """
            }
        }
        return Page(
            title: title, breadcrumbs: crumbs,
            content: """
                \(notice)
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: action, csrfToken: context.csrfToken, fields(t)))
                \(withdraw)
                """)
    }

    /// The owner and co-owners: chosen, or (for a co-owner's focal point) shown as they are.
    private func ownershipFields(_ ownable: [AccountQueries.EntityOption], _ t: Strings) -> HTML {
        guard let fixed = choices.fixedOwnership else {
            return """
                \(FormViews.select("owner", label: t[.fieldOwner], options: ownable.map { (String($0.id), $0.name, String($0.id) == input.owner) }, error: errors["owner"], blank: t[.chooseOption], t))
                \(FormViews.checkboxPicker("co_owner", legend: t[.fieldCoOwners], options: choices.entities.map { .init(value: String($0.id), label: $0.name) }, chosen: input.coOwners, search: input.search["co_owner"], error: errors["co_owner"], t))
                """
        }
        let name = { (id: Int) in choices.entities.first { $0.id == id }?.name ?? String(id) }
        let coOwners = fixed.coOwners.map(name).sorted()
        let hidden = fixed.coOwners.sorted().map { id -> HTML in "<input type=\"hidden\" name=\"co_owner\" value=\"\(String(id))\">" }
        return """
            <input type="hidden" name="owner" value="\(String(fixed.owner))">\(hidden)
            <dl class="facts"><dt>\(t[.fieldOwner])</dt><dd>\(Bidi.isolate(name(fixed.owner)))</dd>
            <dt>\(t[.fieldCoOwners])</dt><dd>\(coOwners.isEmpty ? HTML(text: t[.measureNone]) : Bidi.list(coOwners, t.language))</dd></dl>
            <p class="hint">\(t[.ownershipOwnerOnlyHint])</p>
            """
    }

    private func fields(_ t: Strings) -> HTML {
        let ownable = choices.entities.filter { choices.ownable.contains($0.id) }
        return """
            <input type="hidden" name="version" value="\(String(input.version))">
            \(FormViews.field("title", label: t[.fieldTitle], value: input.title, error: errors["title"], t))
            \(FormViews.textarea("description", label: t[.fieldDescription], value: input.description, error: errors["description"], t))
            \(FormViews.field("grf_id", label: t[.fieldGRFID], value: input.grfID, error: errors["grf_id"], hint: t[.grfIDHint], required: false, t))
            \(FormViews.select("kind", label: t[.fieldKind], options: PledgeKind.options(t, selected: PledgeKind(rawValue: input.kind).map { [$0] } ?? []), error: errors["kind"], t))
            \(ownershipFields(ownable, t))
            \(FormViews.checkboxPicker("country", legend: t[.fieldCountries], hint: t[.countriesHint], options: FormViews.countryOptions(reference, chosen: input.countries), chosen: input.countries, search: input.search["country"], error: errors["country"], t))
            \(FormViews.checkboxes("measure", legend: t[.navMeasures], options: reference.measures.map { (String($0.number), "\($0.number). \($0.title)", input.measures.contains(String($0.number))) }, error: errors["measure"], t))
            \(FormViews.checkboxes("sdg", legend: t[.measureSDGTargets], options: reference.targets.map { ($0.code, "\(t.format(.sdgTargetShort, ["code": $0.code])): \($0.title)", input.targets.contains($0.code)) }, error: errors["sdg"], t))
            \(FormViews.checkboxes("gcm", legend: t[.measureGCMActions], options: reference.actions.map { ($0.letter, "(\($0.letter)) \($0.title)", input.actions.contains($0.letter)) }, error: errors["gcm"], t))
            \(FormViews.field("start_date", label: t[.fieldStartDate], value: input.startDate, type: "date", error: errors["start_date"], required: false, t))
            \(FormViews.field("target_date", label: t[.fieldTargetDate], value: input.targetDate, type: "date", error: errors["target_date"], required: false, t))
            \(FormViews.select("visibility", label: t[.fieldVisibility], options: Visibility.options(t, selected: Visibility(rawValue: input.visibility).map { [$0] } ?? []), error: errors["visibility"], t))
            \(FormViews.field("why", label: t[.fieldWhy], value: input.why, hint: t[.whyHint], required: false, t))
            \(FormViews.button(t[.saveButton]))
            """
    }
}

/// `/pledges/{id}/withdraw`: what withdrawing does, said before it is done, the reason
/// (everyone reads it), the red button, and the way back.
struct WithdrawPledgePage: PageView {
    let pledge: PledgeQueries.Pledge

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t.format(.withdrawTitle, "title", Bidi.plain(pledge.title)),
            breadcrumbs: [
                .init(title: t[.pledgesTitle], href: "/pledges"), .init(title: Bidi.plain(pledge.title), href: "/pledges/\(pledge.id)"),
            ],
            content: """
                <p class="lead">\(t[.withdrawIntro])</p>
                \(FormViews.form(action: "/pledges/\(pledge.id)/withdraw", csrfToken: context.csrfToken, """
                    \(FormViews.field("reason", label: t[.withdrawReason], hint: t[.withdrawReasonHint], t))
                    <div class="button-group">\(FormViews.warningButton(t[.withdrawButton]))
                    <a href="/pledges/\(pledge.id)">\(t[.withdrawCancel])</a></div>
                    """, label: t[.withdrawHeading]))
                """)
    }
}
