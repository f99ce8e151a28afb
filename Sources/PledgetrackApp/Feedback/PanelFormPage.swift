import Markup

/// `/panels/new` and `/panels/{id}/edit`: a panel's name, countries, facilitator and the
/// number of flags that hides feedback until a moderator looks at it.
struct PanelFormPage: PageView {
    let id: Int?
    let input: PanelForm
    let reference: ReferenceData
    let facilitators: [(id: Int, name: String)]
    let errors: FieldErrors
    /// The present facilitator's id ("" for none) when this editor may not change it (only an
    /// admin changes who facilitates an existing panel): shown as text, kept in a hidden field.
    var lockedFacilitator: String? = nil

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let facilitatorOptions = facilitators.map { ("\($0.id)", $0.name, input.facilitatorID == "\($0.id)") }
        let action = id.map { "/panels/\($0)/edit" } ?? "/panels/new"
        return Page(
            title: id == nil ? t[.newPanelTitle] : t[.editPanel], breadcrumbs: [.init(title: t[.panelsTitle], href: "/panels")],
            content: """
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: action, csrfToken: context.csrfToken, """
                \(FormViews.field("name", label: t[.fieldName], value: input.name, error: errors["name"], t))
                \(FormViews.checkboxPicker("country", legend: t[.fieldCountries], hint: t[.panelCountriesHint], options: FormViews.countryOptions(reference, chosen: input.countries), chosen: input.countries, search: input.search["country"], error: errors["country"], t))
                \(facilitatorField(facilitatorOptions, t))
                \(FormViews.field("flag_threshold", label: t[.fieldFlagThreshold], value: input.flagThreshold, error: errors["flag_threshold"],
                                  hint: t[.flagThresholdHint], t))
                \(FormViews.button(t[.saveButton]))
                """))
                """)
    }

    private func facilitatorField(_ options: [(String, String, Bool)], _ t: Strings) -> HTML {
        guard let locked = lockedFacilitator, errors["facilitator"] == nil else {
            return FormViews.select(
                "facilitator", label: t[.fieldFacilitator], options: options, error: errors["facilitator"], blank: t[.noFacilitator], t)
        }
        let name = facilitators.first { String($0.id) == locked }?.name ?? t[.noFacilitator]
        return """
            <input type="hidden" name="facilitator" value="\(locked)">
            <dl class="facts"><dt>\(t[.fieldFacilitator])</dt><dd>\(Bidi.isolate(name))</dd></dl>
            <p class="hint">\(t[.panelFacilitatorAdminOnlyHint])</p>
            """
    }
}
