import Markup

/// Pieces that show measures, shared by the home page and the measures pages.
enum MeasureViews {
    /// The measures grouped by theme: one section per theme, one list item per measure.
    static func byTheme(_ reference: ReferenceData, _ t: Strings, headingLevel: Int) -> HTML {
        let sections = reference.themes.map { theme -> HTML in
            let items = reference.measures(in: theme).map { item($0, reference, t) }
            return """
                <section class="theme" aria-labelledby="theme-\(theme.code)">
                \(heading(level: headingLevel, id: "theme-\(theme.code)", text: theme.title))
                <ol class="measure-list">\(items)</ol>
                </section>
                """
        }
        return HTML.join(sections)
    }

    static func item(_ measure: ReferenceData.Measure, _ reference: ReferenceData, _ t: Strings) -> HTML {
        """
        <li class="measure" value="\(measure.number)">
        <a href="/measures/\(measure.number)"><span class="measure-number">\(t.format(.measureNumber, numbers: ["number": measure.number]))</span>
        <span class="measure-title">\(measure.title)</span></a>
        <p class="tags"><span class="visually-hidden">\(t[.measureSDGTargets]): </span>\(targetTags(measure.targetCodes, t))
        <span class="visually-hidden">\(t[.measureGCMActions]): </span>\(actionTags(measure.actionLetters, t))</p>
        </li>
        """
    }

    static func targetTags(_ codes: [String], _ t: Strings) -> HTML {
        HTML.join(
            codes.map { code -> HTML in "<span class=\"tag tag-sdg\">\(t.format(.sdgTargetShort, ["code": code]))</span>" }, separator: " ")
    }

    static func actionTags(_ letters: [String], _ t: Strings) -> HTML {
        HTML.join(
            letters.map { letter -> HTML in "<span class=\"tag tag-gcm\">\(t.format(.gcmActionShort, ["letter": letter]))</span>" },
            separator: " ")
    }

    static func heading(level: Int, id: String, text: String) -> HTML {
        switch level {
        case 2: return "<h2 id=\"\(id)\">\(text)</h2>"
        case 3: return "<h3 id=\"\(id)\">\(text)</h3>"
        default: return "<h4 id=\"\(id)\">\(text)</h4>"
        }
    }
}
