import Foundation
import Markup

/// What was typed in the pickers' search fields, and which picker's "Search" button was
/// pressed. Without JavaScript, "Search" posts the whole form back: the controller answers
/// with the form as it was typed, nothing saved, and the picker shows only what matches.
struct PickerSearch: Sendable, Equatable {
    /// The search text of each picker, by field name.
    var terms: [String: String] = [:]
    /// The field whose "Search" button sent the form, if one did.
    var requested: String?

    /// The form field that names the picker whose "Search" was pressed.
    static let buttonField = "picker_search"

    init() {}

    init(_ form: FormData, _ names: [String]) {
        for name in names {
            let term = String(form.trimmed(Self.termField(name)).prefix(100))
            if !term.isEmpty { terms[name] = term }
        }
        let pressed = form.trimmed(Self.buttonField)
        requested = names.contains(pressed) ? pressed : nil
    }

    subscript(_ name: String) -> String { terms[name] ?? "" }

    static func termField(_ name: String) -> String { "\(name)_search" }

    /// Folded for matching: case, accents and the kind of apostrophe do not matter, so
    /// "cote d'ivoire" finds "Côte d’Ivoire". `Public/js/pickers.js` folds the same way.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
    }
}

extension FormViews {
    /// One entry of a picker: its value, what it is called, and the group it is listed under.
    struct PickerOption: Sendable {
        let value: String
        let label: String
        var group: String? = nil
    }

    /// Choosing several from a long list (countries, entities): a fieldset of check boxes in a
    /// scrollable box, grouped (e.g. by UN region), with the chosen ones first, and a search
    /// field. With JavaScript the list is filtered as one types (`Public/js/pickers.js`);
    /// without, "Search" posts the form back and the list shows what matches plus what is
    /// chosen. A plain click never drops another choice, and nothing typed elsewhere is lost.
    static func checkboxPicker(
        _ name: String, legend: String, hint: String? = nil, options: [PickerOption], chosen: [String], search: String = "",
        error: Strings.Key? = nil, _ t: Strings
    ) -> HTML {
        let chosenSet = Set(chosen)
        let term = PickerSearch.fold(search)
        func matches(_ o: PickerOption) -> Bool {
            term.isEmpty || PickerSearch.fold(o.label).contains(term) || PickerSearch.fold(o.value).contains(term)
        }
        let picked = options.filter { chosenSet.contains($0.value) }
        let rest = options.filter { !chosenSet.contains($0.value) && matches($0) }
        var index = 0
        func box(_ o: PickerOption) -> HTML {
            index += 1
            let id = "\(name)-\(index)"
            let checked = chosenSet.contains(o.value)
            return """
                <div class="picker-item"><input type="checkbox" id="\(id)" name="\(name)" value="\(o.value)"\(if: checked, " checked")>\
                <label for="\(id)">\(Bidi.isolate(o.label))</label></div>
                """
        }
        func group(_ title: String, _ members: [PickerOption], chosen: Bool = false) -> HTML {
            guard !members.isEmpty else { return .empty }
            return """
                <fieldset class="picker-group\(if: chosen, " picker-chosen")"><legend>\(title)</legend>\(HTML.join(members.map(box)))</fieldset>
                """
        }
        var groups: [HTML] = [group(t[.pickerChosen], picked, chosen: true)]
        var order: [String] = []
        var members: [String: [PickerOption]] = [:]
        for o in rest {
            let key = o.group ?? t[.pickerOther]
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(o)
        }
        let grouped = options.contains { $0.group != nil }
        for key in order {
            groups.append(grouped ? group(key, members[key]!) : HTML.join(members[key]!.map(box)))
        }
        let shown = picked.count + rest.count
        let status =
            !search.isEmpty && rest.isEmpty
            ? t.format(.pickerNoMatch, "term", search)
            : t.format(.pickerShown, numbers: ["shown": shown, "total": options.count, "chosen": picked.count])
        var describedBy = ["\(name)-status"]
        if hint != nil { describedBy.insert("\(name)-hint", at: 0) }
        if error != nil { describedBy.insert("\(name)-error", at: 0) }
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\(t[$0])</p>" } ?? .empty
        let termField = PickerSearch.termField(name)
        return """
            <fieldset class="field picker\(if: error != nil, " has-error")" id="\(name)" data-picker data-picker-template="\(t[.pickerShown])" \
            data-picker-nomatch="\(t[.pickerNoMatch])" aria-describedby="\(describedBy.joined(separator: " "))">
            <legend>\(legend)</legend>\(hintHTML)\(errorHTML)
            <div class="picker-search"><label for="\(termField)">\(t[.pickerSearchLabel])</label>
            <input id="\(termField)" name="\(termField)" type="search" value="\(search)"\(Bidi.auto) autocomplete="off" data-picker-filter>
            <button type="submit" class="button secondary" name="\(PickerSearch.buttonField)" value="\(name)" data-picker-button>\(t[.pickerSearchButton])</button></div>
            <p class="picker-status" id="\(name)-status" aria-live="polite" data-picker-status>\(status)</p>
            <div class="picker-box" data-picker-box>\(HTML.join(groups))</div>
            </fieldset>
            <script src="/static/js/pickers.js" defer></script>
            """
    }

    /// The countries as picker entries, grouped by UN region: those offered (M49 lists them and
    /// people live there), and any other already chosen.
    static func countryOptions(_ reference: ReferenceData, chosen: [String]) -> [PickerOption] {
        let chosenSet = Set(chosen)
        var regionName: [String: String] = [:]
        for r in reference.topRegions { regionName[r.code] = r.name }
        let order = reference.topRegions.map(\.code)
        return reference.countries
            .filter { $0.offered || chosenSet.contains($0.iso3) }
            .map { PickerOption(value: $0.iso3, label: $0.name, group: $0.regionCode.flatMap { regionName[$0] }) }
            .enumerated()
            .sorted { a, b in
                let ra = order.firstIndex(of: reference.country(a.element.value)?.regionCode ?? "") ?? order.count
                let rb = order.firstIndex(of: reference.country(b.element.value)?.regionCode ?? "") ?? order.count
                return ra != rb ? ra < rb : a.offset < b.offset
            }
            .map(\.element)
    }
}
