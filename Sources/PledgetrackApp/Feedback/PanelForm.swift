import Foundation

/// A panel's settings as the secretariat's form sends them.
struct PanelForm: Sendable {
    var name = ""
    var countries: [String] = []
    var facilitatorID = ""
    var flagThreshold = "3"
    /// The country picker's search text, and whether its "Search" sent the form.
    var search = PickerSearch()

    init() {}

    init(_ form: FormData) {
        name = form.trimmed("name")
        countries = form.strings("country").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        facilitatorID = form.trimmed("facilitator")
        flagThreshold = form.trimmed("flag_threshold")
        search = PickerSearch(form, ["country"])
    }

    init(_ panel: PanelQueries.Detail) {
        name = panel.name
        countries = panel.countryCodes
        facilitatorID = panel.facilitatorID.map(String.init) ?? ""
        flagThreshold = String(panel.flagThreshold)
    }

    struct Valid: Sendable {
        let name: String
        let countries: [String]
        let facilitatorID: Int?
        let flagThreshold: Int
    }

    func validate(knownCountries: Set<String>, facilitators: Set<Int>) -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        if name.isEmpty || name.length > 120 { errors.add("name", .panelNameInvalid) }
        if countries.isEmpty { errors.add("country", .countriesMissing) }
        if !Set(countries).isSubset(of: knownCountries) { errors.add("country", .countryUnknown) }
        let facilitator = facilitatorID.isEmpty ? nil : Int(facilitatorID)
        if !facilitatorID.isEmpty, facilitator.map({ !facilitators.contains($0) }) ?? true {
            errors.add("facilitator", .panelFacilitatorInvalid)
        }
        let threshold = Int(flagThreshold)
        if threshold.map({ !(1...50).contains($0) }) ?? true { errors.add("flag_threshold", .flagThresholdInvalid) }
        guard errors.isEmpty, let threshold else { return .failure(errors) }
        return .success(Valid(name: name, countries: Array(Set(countries)).sorted(), facilitatorID: facilitator, flagThreshold: threshold))
    }
}
