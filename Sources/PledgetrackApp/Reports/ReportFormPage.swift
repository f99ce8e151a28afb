import Database
import Markup

/// `/reports`: choose what a report covers (the dashboards' filters), when (as of a day, and
/// optionally what changed since another), and how (brief, PDF, workbook, CSV tables). A GET
/// form: the chosen report has an address that can be bookmarked; a mistake brings the form
/// back with what was chosen and what to fix.
struct ReportFormPage: PageView {
    let request: ReportRequest
    let options: PledgeListPage.Options
    let reference: ReferenceData
    let pdfAvailable: Bool
    /// The first day the state history is complete on; nil when it is complete from the start.
    let historyFrom: CalendarDate?
    /// Said above the form: too many downloads at once, or the PDF failed.
    var notice: Strings.Key?

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let typed = request.typed
        func select(_ name: String, _ label: Strings.Key, _ choices: [(String, String)]) -> HTML {
            FormViews.select(
                name, label: t[label], options: choices.map { ($0.0, $0.1, $0.0 == typed[name]) },
                error: request.errors[name], blank: t[.anyOption], t)
        }
        func rendered(_ name: String, _ label: Strings.Key, _ options: RenderedOptions) -> HTML {
            // An unknown value: the list again, with the message and nothing chosen.
            let error = request.errors[name]
            return FormViews.select(
                name, label: t[label], rendered: options.html(selected: error == nil ? typed[name] : nil),
                blank: t[.anyOption], error: error.map { t[$0] })
        }
        func date(_ name: String, _ label: Strings.Key, hint: Strings.Key) -> HTML {
            FormViews.field(
                name, label: t[label], value: typed[name] ?? "", type: "date", error: request.errors[name], hint: t[hint], required: false,
                t)
        }
        let formats = ReportFormat.allCases.map { format -> HTML in
            let disabled = format == .pdf && !pdfAvailable
            let checked = (request.format ?? .brief) == format
            return """
                <div class="radio"><input type="radio" id="format-\(format.rawValue)" name="format" value="\(format.rawValue)"\(if: checked && !disabled, " checked")\(if: disabled, " disabled")>
                <label for="format-\(format.rawValue)">\(t[format.label])</label></div>
                """
        }
        var notes: [HTML] = []
        if let notice { notes.append("<p class=\"flash flash-warning\" role=\"alert\">\(t[notice])</p>") }
        if !pdfAvailable { notes.append("<p class=\"flash flash-warning\" role=\"status\">\(t[.reportPDFMissing])</p>") }
        let pdfNote = HTML.join(notes)
        let historyNote: HTML =
            historyFrom.map { "<p class=\"hint\">\(t.format(.reportHistoryFrom, "date", Formatting.date($0, t.language)))</p>" } ?? .empty
        return Page(
            title: t[.reportsTitle],
            content: """
                <p class="lead">\(t[.reportsIntro])</p>
                \(FormViews.errorSummary(request.errors, t))
                \(pdfNote)
                <form method="get" action="/reports/download" class="report-form" novalidate>
                <fieldset><legend>\(t[.reportWhat])</legend>
                <div class="filters">
                \(rendered("country", .fieldCountry, options.countries))
                \(rendered("region", .fieldRegion, options.regions))
                \(rendered("entity", .fieldEntity, options.entities))
                \(select("kind", .fieldEntityKind, EntityKind.allCases.map { ($0.rawValue, t[$0.label]) }))
                \(select("pledge_kind", .fieldKind, PledgeKind.allCases.map { ($0.rawValue, t[$0.label]) }))
                \(select("measure", .fieldMeasure, reference.measures.map { (String($0.number), "\($0.number). \($0.title)") }))
                \(select("sdg", .fieldSDGTarget, reference.targets.map { ($0.code, t.format(.sdgTargetShort, "code", $0.code)) }))
                \(select("gcm", .fieldGCMAction, reference.actions.map { ($0.letter, t.format(.gcmActionShort, "letter", $0.letter)) }))
                \(select("status", .fieldStatus, PledgeStatus.allCases.map { ($0.rawValue, t[$0.label]) }))
                \(date("from", .periodFrom, hint: .reportPledgePeriodHint))
                \(date("to", .periodTo, hint: .reportPledgePeriodHint))
                </div>
                </fieldset>
                <fieldset><legend>\(t[.reportWhen])</legend>
                \(historyNote)
                \(date("as_of", .reportAsOf, hint: .reportAsOfHint))
                \(date("since", .reportSince, hint: .reportSinceHint))
                </fieldset>
                <fieldset\(if: request.errors["format"] != nil, " class=\"has-error\"")><legend>\(t[.reportHow])</legend>
                \(request.errors["format"].map { "<p class=\"field-error\" id=\"format\">\(t[$0])</p>" as HTML } ?? .empty)
                \(formats)
                </fieldset>
                \(FormViews.button(t[.reportDownloadButton]))
                </form>
                <h2>\(t[.reportAboutHeading])</h2>
                <p>\(t[.reportAboutAsOf])</p>
                <p>\(t[.reportAboutFeedback])</p>
                """)
    }
}
