import Markup

/// `/panels/new` and `/panels/{id}/edit`: a panel's name, countries, facilitator and the
/// number of flags that hides feedback until a moderator looks at it.
struct PanelFormPage: PageView {
    let id: Int?
    let input: PanelForm
    let countries: [ReferenceData.Country]
    let facilitators: [(id: Int, name: String)]
    let errors: FieldErrors
    /// The present facilitator's id ("" for none) when this editor may not change it (only an
    /// admin changes who facilitates an existing panel): shown as text, kept in a hidden field.
    var lockedFacilitator: String? = nil

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let selected = Set(input.countries)
        let countryOptions = countries.map { c -> HTML in
            "<option value=\"\(c.iso3)\"\(if: selected.contains(c.iso3), " selected")>\(c.name)</option>"
        }
        let facilitatorOptions = facilitators.map { ("\($0.id)", $0.name, input.facilitatorID == "\($0.id)") }
        let action = id.map { "/panels/\($0)/edit" } ?? "/panels/new"
        return Page(
            title: id == nil ? t[.newPanelTitle] : t[.editPanel], breadcrumbs: [.init(title: t[.panelsTitle], href: "/panels")],
            content: """
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: action, csrfToken: context.csrfToken, """
                \(FormViews.field("name", label: t[.fieldName], value: input.name, error: errors["name"], t))
                <div class="field\(if: errors["country"] != nil, " has-error")"><label for="country">\(t[.fieldCountries])</label>
                <p class="hint" id="country-hint">\(t[.panelCountriesHint])</p>
                \(errors["country"].map { "<p class=\"field-error\">\(t[$0])</p>" as HTML } ?? .empty)
                <select id="country" name="country" multiple size="8" aria-describedby="country-hint">\(countryOptions)</select></div>
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
            <dl class="facts"><dt>\(t[.fieldFacilitator])</dt><dd>\(name)</dd></dl>
            <p class="hint">\(t[.panelFacilitatorAdminOnlyHint])</p>
            """
    }
}
