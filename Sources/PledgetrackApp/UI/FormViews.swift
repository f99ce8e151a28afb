import Markup

/// A long list of `<option>`s, escaped once: rendering picks the selected one.
struct RenderedOptions: Sendable {
    private let items: [(value: String, plain: HTML, selected: HTML)]
    /// All options with none selected, joined once: the most common case.
    private let noneSelected: HTML

    init(_ pairs: [(String, String)]) {
        items = pairs.map { value, label in
            (value, "<option value=\"\(value)\">\(label)</option>", "<option value=\"\(value)\" selected>\(label)</option>")
        }
        noneSelected = HTML.join(items.map(\.plain))
    }

    func html(selected: String?) -> HTML {
        guard let selected, items.contains(where: { $0.value == selected }) else { return noneSelected }
        return HTML.join(items.map { $0.value == selected ? $0.selected : $0.plain })
    }
}

/// The one way forms are drawn: a labelled field with its hint and error next to it, a
/// summary of errors at the top linking to each field, and the CSRF token in every form.
enum FormViews {
    static func csrf(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"csrf_token\" value=\"\(token)\">"
    }

    /// A form that posts to `action`, carrying the token.
    static func form(action: String, csrfToken: String, _ content: HTML, label: String? = nil) -> HTML {
        let aria: HTML = label.map { "aria-label=\"\($0)\"" } ?? .empty
        return "<form method=\"post\" action=\"\(action)\" \(aria) novalidate>\(csrf(csrfToken))\(content)</form>"
    }

    static func errorSummary(_ errors: FieldErrors, _ t: Strings) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items = errors.messages.map { item -> HTML in "<li><a href=\"#\(item.field)\">\(t[item.message])</a></li>" }
        return """
            <div class="error-summary" role="alert" tabindex="-1">
            <h2>\(t[.formErrorsHeading])</h2><ul>\(items)</ul>
            </div>
            """
    }

    static func field(
        _ name: String, label: String, value: String = "", type: String = "text", error: Strings.Key? = nil,
        hint: String? = nil, autocomplete: String? = nil, required: Bool = true, language: Language? = nil, _ t: Strings
    ) -> HTML {
        var describedBy: [String] = []
        if hint != nil { describedBy.append("\(name)-hint") }
        if error != nil { describedBy.append("\(name)-error") }
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\(t[$0])</p>" } ?? .empty
        let described: HTML = describedBy.isEmpty ? .empty : " aria-describedby=\"\(describedBy.joined(separator: " "))\""
        let auto: HTML = autocomplete.map { " autocomplete=\"\($0)\"" } ?? .empty
        // Passwords never come back into the page.
        let shown = type == "password" ? "" : value
        // A translation is typed in its language's direction; anything else people type (a
        // title, a name, a search) runs in its own, whatever the page's.
        let direction: HTML = language.map { written(in: $0) } ?? (type == "text" || type == "search" ? Bidi.auto : .empty)
        return """
            <div class="field\(if: error != nil, " has-error")">
            <label for="\(name)">\(label)</label>
            \(hintHTML)\(errorHTML)
            <input id="\(name)" name="\(name)" type="\(type)" value="\(shown)"\(direction)\(auto)\(described)\(if: required, " required")\(if: error != nil, " aria-invalid=\"true\"")>
            </div>
            """
    }

    /// A group of checkboxes, e.g. roles or entities: (value, label, checked).
    static func checkboxes(
        _ name: String, legend: String, options: [(String, String, Bool)], error: Strings.Key? = nil, _ t: Strings
    ) -> HTML {
        let boxes = options.enumerated().map { index, option -> HTML in
            """
            <div class="checkbox"><input type="checkbox" id="\(name)-\(index)" name="\(name)" value="\(option.0)"\(if: option.2, " checked")>
            <label for="\(name)-\(index)">\(option.1)</label></div>
            """
        }
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)\">\(t[$0])</p>" } ?? .empty
        return "<fieldset class=\"field\(if: error != nil, " has-error")\"><legend>\(legend)</legend>\(errorHTML)\(boxes)</fieldset>"
    }

    /// A drop-down list: (value, label, selected).
    static func select(
        _ name: String, label: String, options: [(String, String, Bool)], error: Strings.Key? = nil,
        blank: String? = nil, _ t: Strings
    ) -> HTML {
        let blankOption: HTML = blank.map { "<option value=\"\">\($0)</option>" } ?? .empty
        let items = options.map { o -> HTML in "<option value=\"\(o.0)\"\(if: o.2, " selected")>\(o.1)</option>" }
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\(t[$0])</p>" } ?? .empty
        return """
            <div class="field\(if: error != nil, " has-error")"><label for="\(name)">\(label)</label>\(errorHTML)
            <select id="\(name)" name="\(name)"\(if: error != nil, " aria-invalid=\"true\" aria-describedby=\"\(name)-error\"")>\(blankOption)\(items)</select></div>
            """
    }

    /// A drop-down list whose options were rendered beforehand (long, rarely changing lists);
    /// `error` is the message to show by it, in the reader's words.
    static func select(_ name: String, label: String, rendered options: HTML, blank: String, error: String? = nil) -> HTML {
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
        return """
            <div class="field\(if: error != nil, " has-error")"><label for="\(name)">\(label)</label>\(errorHTML)
            <select id="\(name)" name="\(name)"\(if: error != nil, " aria-invalid=\"true\" aria-describedby=\"\(name)-error\"")><option value="">\(blank)</option>\(options)</select></div>
            """
    }

    static func textarea(
        _ name: String, label: String, value: String, error: Strings.Key? = nil, hint: String? = nil, language: Language? = nil,
        _ t: Strings
    ) -> HTML {
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\(t[$0])</p>" } ?? .empty
        return """
            <div class="field\(if: error != nil, " has-error")"><label for="\(name)">\(label)</label>\(hintHTML)\(errorHTML)
            <textarea id="\(name)" name="\(name)" rows="5"\(language.map { written(in: $0) } ?? Bidi.auto)\(if: error != nil, " aria-invalid=\"true\"")>\(value)</textarea></div>
            """
    }

    /// `lang` and `dir` for a field whose text is in another language than the page's (a
    /// translation), so spelling checks, fonts and the direction of typing follow it.
    private static func written(in language: Language?) -> HTML {
        language.map { " lang=\"\($0.rawValue)\" dir=\"\($0.direction)\"" } ?? .empty
    }

    static func button(_ label: String, secondary: Bool = false) -> HTML {
        "<button type=\"submit\" class=\"button\(if: secondary, " secondary")\">\(label)</button>"
    }

    /// The red button of a destructive action (withdraw, erase, disable, delete, sign out
    /// everywhere): used only where the page says plainly, just before it, what will happen.
    static func warningButton(_ label: String) -> HTML {
        "<button type=\"submit\" class=\"button warning\">\(label)</button>"
    }

    /// A destructive action set apart from the page's ordinary buttons: what will happen, in
    /// plain words, then a confirmation step (a disclosure opened on purpose) holding the form
    /// with its red button. Works without JavaScript; CSRF as in every form.
    static func destructiveAction(
        heading: String? = nil, explanation: String, summary: String, button: String, action: String, csrfToken: String,
        fields: HTML = .empty, open: Bool = false
    ) -> HTML {
        """
        <div class="danger-zone">\(heading.map { "<h2>\($0)</h2>" as HTML } ?? .empty)<p>\(explanation)</p>
        <details class="confirm-step"\(if: open, " open")><summary>\(summary)</summary>
        \(form(action: action, csrfToken: csrfToken, "\(fields)\(warningButton(button))", label: summary))
        </details></div>
        """
    }

    /// The filters of a list, folded behind "Filter" on a narrow screen (a `<details>`, open
    /// when a filter is in use; CSS keeps it open on a wide screen): the first result is then
    /// not below a dozen fields. The summary says how many filters are in use.
    static func filterPanel(active: Int, _ t: Strings, _ form: HTML) -> HTML {
        let summary = active > 0 ? t.format(.filterToggleActive, numbers: ["count": active]) : t[.filterToggle]
        return """
            <details class="filter-panel"\(if: active > 0, " open")><summary>\(summary)</summary>\(form)</details>
            <script src="/static/js/filter-panel.js" defer></script>
            """
    }

    /// The opening tag of a region that scrolls sideways on its own (a wide table or map), so
    /// the page never does: named, and focusable so a keyboard can scroll it. Close it with `</div>`.
    static func scrollRegion(_ name: String, short: Bool = false, extraClass: String? = nil) -> HTML {
        let classes = ["table-scroll"] + (short ? ["short"] : []) + (extraClass.map { [$0] } ?? [])
        return
            "<div class=\"\(classes.joined(separator: " "))\" role=\"region\" aria-label=\"\(name)\" tabindex=\"0\">"
    }

    /// Filters that could not be read (`QueryReader`), said plainly; the page shows what it can
    /// without them. The same on every page that filters.
    static func ignoredFilters(_ labels: [Strings.Key], _ t: Strings) -> HTML {
        guard !labels.isEmpty else { return .empty }
        let items = labels.map { key -> HTML in "<li>\(t.format(.filterIgnored, ["filter": t[key]]))</li>" }
        return "<div class=\"flash flash-warning\" role=\"status\"><p>\(t[.filterIgnoredIntro])</p><ul>\(items)</ul></div>"
    }
}
