import Database
import Foundation
import Markup

/// The meeting brief: a document for paper, printed by the browser or by the PDF engine from
/// this same markup. Its first page carries the title (with the report's subject: "— Kenya"),
/// the scope and the "as of" day, the headline figures, what changed (with a start) and how
/// the figures are counted; then the charts with their tables, progress per measure and per
/// country, overdue milestones, survivor feedback (counts, and only texts published with
/// public consent), the changes listed, and the pledges as an annex. Every printed page
/// carries the title, the "as of" day and the filters in its running header (`runningStyle`).
struct BriefPage {
    let request: ReportRequest
    /// "Progress report — Kenya".
    let title: String
    /// What the report is about ("Kenya"), when it is narrowed to a country, measure, …
    let subject: String?
    let scopeDescription: [String]
    let figures: ReportFigures
    let reference: ReferenceData
    let seesRestricted: Bool
    let preparedAt: Date
    let today: CalendarDate

    /// The head of the printable page in a browser: the site's style sheets.
    static let screenHead: HTML =
        "<link rel=\"stylesheet\" href=\"/static/css/app.css\"><link rel=\"stylesheet\" href=\"/static/css/brief.css\">"

    /// The head for the PDF engine: its style sheets beside it (the running header's among
    /// them, `runningStyleFile`), and a policy that lets the page load nothing else and run no script.
    static let printHead: HTML = """
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src file:; img-src data:">\
        <link rel="stylesheet" href="app.css"><link rel="stylesheet" href="brief.css"><link rel="stylesheet" href="running.css">
        """

    static let runningStyleFile = "running.css"

    /// The whole document; `head` is put in the head as it is (links to the site's style
    /// sheets, or for the PDF engine the sheets themselves).
    func document(_ t: Strings, head: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="\(t.language.rawValue)" dir="\(t.language.direction)">
        <head><meta charset="utf-8"><title>\(title) · \(t[.siteName])</title>\(head)</head>
        <body class="brief">\(body(t))</body>
        </html>
        """
    }

    private var day: CalendarDate { request.asOf ?? today }

    /// The running header of every printed page, as a style sheet of page-margin boxes: the
    /// title and "as of" day where reading starts (the left, the right on a right-to-left
    /// page: brief.css's `brief-rtl` page), the filters opposite, the audience at the foot.
    /// Names in them are isolated (`Bidi.plain`), as on the page. Every character but letters,
    /// digits and spaces is written as a CSS escape, so no name typed by anyone can end the string.
    func runningStyle(_ t: Strings) -> String {
        let heading = subject.map { t.format(.briefTitleAbout, ["title": t[.briefTitle], "subject": Bidi.plain($0)]) } ?? title
        let start = "\(heading) · \(t.format(.briefRunningAsOf, "date", Formatting.date(day, t.language)))"
        let end = scopeDescription.map(Bidi.plain).joined(separator: "; ")
        let audience = seesRestricted ? t[.dashIncludesRestricted] : t[.dashPublicOnly]
        let rtl = Bidi.isRightToLeft(t.language)
        let (page, startSide, endSide) = rtl ? ("@page brief-rtl", "right", "left") : ("@page", "left", "right")
        return """
            @charset "UTF-8";
            \(page) { @top-\(startSide) { content: \(Self.cssString(start)); } @top-\(endSide) { content: \(Self.cssString(end)); } \
            @bottom-\(startSide) { content: \(Self.cssString(audience)); } }
            """
    }

    /// A CSS string literal holding `text` exactly.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                // Six hex digits and the space that ends the escape (CSS takes one space after it as part of it).
                let hex = String(scalar.value, radix: 16)
                out += "\\" + String(repeating: "0", count: 6 - hex.count) + hex + " "
            }
        }
        return out + "\""
    }

    func body(_ t: Strings) -> HTML {
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let total = figures.total
        let period: HTML =
            request.since.map { since in
                "<p class=\"brief-period\">\(t.format(.briefChangedPeriod, ["from": Formatting.date(since, t.language), "to": Formatting.date(day, t.language)]))</p>"
            } ?? .empty
        let about: HTML =
            subject.map { "<p class=\"brief-about\">\(Bidi.format(t, .briefAboutSubject, "subject", Bidi.isolate($0)))</p>" } ?? .empty
        // The subject is a name (a country, an entity): isolated in the heading as in the running text.
        let heading: HTML =
            subject.map { Bidi.format(t, .briefTitleAbout, ["title": HTML(text: t[.briefTitle]), "subject": Bidi.isolate($0)]) }
            ?? HTML(text: title)
        let statusLine =
            total.pledges == 0
            ? t[.dashNothing]
            : t.format(
                .dashStatusSummary,
                [
                    "fulfilled": Share.text(total.share(.fulfilled), t), "progress": Share.text(total.share(.inProgress), t),
                    "planning": Share.text(total.share(.planning), t), "withdrawn": Share.text(total.share(.withdrawn), t),
                    "count": n(total.pledges),
                ])
        return """
            <p class="brief-back"><a href="/reports\(request.formQuery)">\(t[.briefChange])</a></p>
            <section class="brief-cover">
            <p class="brief-site">\(t[.siteName])</p>
            <h1>\(heading)</h1>
            <p class="brief-asof">\(t.format(.briefAsOf, "date", Formatting.date(day, t.language)))</p>
            \(period)
            <p class="brief-scope"><strong>\(t[.briefScope]):</strong> \(HTML.join(scopeDescription.map(Bidi.isolate), separator: "; ")). \
            \(seesRestricted ? t[.dashIncludesRestricted] : t[.dashPublicOnly])</p>
            </section>
            <section class="brief-key">
            <h2>\(t[.dashHeadline])</h2>
            \(DashboardViews.figures([
                (t[.dashPledges], n(total.pledges)), (t[.dashEntities], n(figures.headline.entities)),
                (t[.dashCountries], n(figures.headline.countries)), (t[.statusFulfilled], Share.text(total.share(.fulfilled), t)),
                (t[.dashMilestonesDone], Share.doneOf(total.done, of: total.milestones, t)),
                (t[.dashOverdueMilestones], n(total.overdue)),
            ]))
            <p class="brief-status">\(statusLine)</p>
            \(changeCounts(t))
            \(about)
            <p class="counting-rule">\(t.format(.briefCountingNote, "count", n(total.pledges)))</p>
            <p class="brief-prepared">\(t.format(.briefPrepared, "time", Formatting.dateTime(preparedAt, t.language)))</p>
            </section>
            \(total.pledges == 0 ? HTML.empty : progress(t))
            \(total.pledges == 0 ? HTML.empty : measures(t))
            \(total.pledges == 0 ? HTML.empty : countries(t))
            \(total.pledges == 0 ? HTML.empty : overdue(t))
            \(feedback(t))
            \(changes(t))
            \(annex(t))
            """
    }

    private func progress(_ t: Strings) -> HTML {
        """
        <section class="brief-progress">
        <h2>\(t[.dashProgress])</h2>
        \(DashboardViews.statusFigure(id: "brief-status", figures.total, t))
        \(DashboardViews.stageFigure(id: "brief-stages", figures.total, t))
        </section>
        """
    }

    /// What changed, counted by kind: on the first page (the changes themselves come later).
    private func changeCounts(_ t: Strings) -> HTML {
        guard figures.changes != nil, let since = request.since else { return .empty }
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let counts = ["completed", "status", "new", "answer"].map { kind -> HTML in
            "<tr><th scope=\"row\">\(t[ReportTable.changeKey(kind)])</th><td class=\"num\">\(n(figures.changeCounts[kind] ?? 0))</td></tr>"
        }
        let total = figures.changeCounts.values.reduce(0, +)
        return """
            <h3>\(t.format(.briefChangesHeading, ["from": Formatting.date(since, t.language), "to": Formatting.date(day, t.language)]))</h3>
            \(total == 0 ? "<p>\(t[.briefNoChanges])</p>" as HTML : """
                <table class="compact brief-change-counts"><caption class="visually-hidden">\(t[.briefChangesCounts])</caption>
                <thead><tr><th scope="col">\(t[.colWhat])</th><th scope="col" class="num">\(t[.briefCount])</th></tr></thead>
                <tbody>\(counts)</tbody>
                <tfoot><tr><th scope="row">\(t[.dashTotal])</th><td class="num">\(n(total))</td></tr></tfoot></table>
                """)
            """
    }

    /// The changes themselves, oldest first (their counts are on the first page); nothing
    /// without a start or when nothing changed.
    private func changes(_ t: Strings) -> HTML {
        guard let rows = figures.changes, !rows.isEmpty, let since = request.since else { return .empty }
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let total = figures.changeCounts.values.reduce(0, +)
        return """
            <section class="brief-changes">
            <h2>\(t.format(.briefChangesHeading, ["from": Formatting.date(since, t.language), "to": Formatting.date(day, t.language)]))</h2>
            \(table(ReportTable.changes, rows, caption: t[.briefChangesList], t))
            \(total > rows.count ? "<p>\(t.format(.briefListCut, ["shown": n(rows.count), "total": n(total)]))</p>" as HTML : .empty)
            </section>
            """
    }

    /// Every measure (gaps matter), or only the report's own measure with the others its
    /// pledges name listed apart.
    private func measures(_ t: Strings) -> HTML {
        let shown = reference.measures.filter { request.filter.measure == nil || $0.number == request.filter.measure }
        let rows = shown.map { m -> HTML in
            "<tr><th scope=\"row\">\(m.number). \(Bidi.isolate(m.title))</th>\(DashboardViews.tallyCells(figures.byMeasure[String(m.number)], t))</tr>"
        }
        let others = figures.alsoUnderMeasures.keys.compactMap { Int($0) }.sorted().compactMap { reference.measure($0) }.map { m in
            t.format(
                .briefNamedCount, ["name": t.format(.measureNumber, numbers: ["number": m.number])],
                numbers: ["count": figures.alsoUnderMeasures[String(m.number)] ?? 0])
        }
        return """
            <section class="brief-measures"><h2>\(t[.briefByMeasure])</h2>
            <table class="dashboard brief-tally"><caption>\(t[.briefByMeasureCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldMeasure])</th>\(DashboardViews.tallyHeader(t))</tr></thead>
            <tbody>\(rows)</tbody></table>
            \(others.isEmpty ? HTML.empty : "<p class=\"brief-also\">\(t.format(.briefAlsoUnderMeasures, "list", others.joined(separator: ", ")))</p>")
            </section>
            """
    }

    /// The countries with pledges (only the report's own, with a country filter), and the
    /// other countries of its pledges named apart.
    private func countries(_ t: Strings) -> HTML {
        let rows = figures.byCountry.keys.compactMap { reference.country($0) }.sorted { $0.name < $1.name }.map { c -> HTML in
            "<tr><th scope=\"row\">\(Bidi.isolate(c.name))</th>\(DashboardViews.tallyCells(figures.byCountry[c.iso3], t))</tr>"
        }
        // "Uganda (1)": the name isolated, or a name of the other direction would take its count with it.
        let others = figures.alsoInCountries.keys.compactMap { reference.country($0) }.sorted { $0.name < $1.name }.map { c in
            Bidi.format(t, .briefNamedCount, ["name": Bidi.isolate(c.name)], numbers: ["count": figures.alsoInCountries[c.iso3] ?? 0])
        }
        return """
            <section class="brief-countries"><h2>\(t[.briefByCountry])</h2>
            \(rows.isEmpty ? "<p>\(t[.dashNothing])</p>" as HTML : """
                <table class="dashboard brief-tally"><caption>\(t[.briefByCountryCaption])</caption>
                <thead><tr><th scope="col">\(t[.fieldCountry])</th>\(DashboardViews.tallyHeader(t))</tr></thead>
                <tbody>\(rows)</tbody></table>
                """)
            \(others.isEmpty ? HTML.empty : "<p class=\"brief-also\">\(Bidi.format(t, .briefAlsoInCountries, "list", Bidi.list(others, t.language)))</p>")
            </section>
            """
    }

    private func overdue(_ t: Strings) -> HTML {
        let rows = figures.overdue.map { m -> HTML in
            """
            <tr><td>\(m.pledgeID)</td><td>\(Bidi.isolate(m.pledgeTitle))</td><td>\(Bidi.isolate(m.title))</td>
            <td>\(Formatting.date(m.due, t.language))</td><td>\(t[m.status.label])</td></tr>
            """
        }
        return """
            <section class="brief-overdue"><h2>\(t[.dashOverdueMilestones])</h2>
            \(rows.isEmpty ? "<p>\(t[.dashNoOverdue])</p>" as HTML : """
                <table><caption>\(t.format(.briefOverdueCaption, numbers: ["count": figures.total.overdue]))</caption>
                <thead><tr><th scope="col">\(t[.colPledgeNumber])</th><th scope="col">\(t[.colPledgeTitle])</th><th scope="col">\(t[.colMilestone])</th>
                <th scope="col">\(t[.fieldDueDate])</th><th scope="col">\(t[.fieldStatus])</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """)
            </section>
            """
    }

    private func feedback(_ t: Strings) -> HTML {
        let counts = figures.feedbackCounts
        // A visitor's brief holds small counts back, as the public dashboard does.
        let suppress = !seesRestricted
        let n = { (v: Int?) in v.map { Formatting.number($0, t.language) } ?? t.format(.fewerThan, numbers: ["count": SmallCells.threshold])
        }
        let statusRows: [(String, Int?)] = suppress ? SmallCells.suppress(counts.byStatus) : counts.byStatus.map { ($0.0, $0.1) }
        let scopeRows: [(FeedbackScope, Int?)] = suppress ? SmallCells.suppress(counts.byScope) : counts.byScope.map { ($0.0, $0.1) }
        let byStatus = statusRows.map { key, count -> HTML in
            let label = key == "withdrawn" ? t[.feedbackWithdrawnBadge] : Review(rawValue: key).map { t[$0.label] } ?? key
            return "<tr><th scope=\"row\">\(label)</th><td class=\"num\">\(n(count))</td></tr>"
        }
        let byScope = scopeRows.map { scope, count -> HTML in
            "<tr><th scope=\"row\">\(t[scope.label])</th><td class=\"num\">\(n(count))</td></tr>"
        }
        let texts = figures.publicFeedback.map { item -> HTML in
            let note: HTML =
                item.contentNote.map {
                    "<p class=\"content-note\"><strong>\(Bidi.format(t, .briefContentNote, "note", Bidi.isolate($0)))</strong></p>"
                }
                ?? .empty
            // The text is a block of its own, in its author's direction.
            return
                "<blockquote>\(note)<p\(Bidi.auto)>\(item.body ?? "")</p><footer>\(Formatting.date(item.createdAt, t.language))\(item.pledgeTitle.map { " · \(Bidi.isolate($0))" as HTML } ?? .empty)</footer></blockquote>"
        }
        if counts.total == 0, texts.isEmpty {
            return "<section class=\"brief-feedback\"><h2>\(t[.briefFeedback])</h2><p>\(t[.briefNoFeedback])</p></section>"
        }
        return """
            <section class="brief-feedback"><h2>\(t[.briefFeedback])</h2>
            <p>\(t.format(.briefFeedbackIntro, "count", n(suppress ? SmallCells.suppress(total: counts.total) : counts.total)))</p>
            <div class="brief-columns">
            <table class="compact"><caption>\(t[.briefFeedbackByStatus])</caption><tbody>\(byStatus)</tbody></table>
            <table class="compact"><caption>\(t[.briefFeedbackByScope])</caption><tbody>\(byScope)</tbody></table>
            </div>
            <h3>\(t[.briefFeedbackPublic])</h3>
            \(texts.isEmpty ? "<p>\(t[.feedbackNone])</p>" as HTML : HTML.join(texts))
            </section>
            """
    }

    private func annex(_ t: Strings) -> HTML {
        let shown = figures.annex.count
        return """
            <section class="brief-annex"><h2>\(t[.briefAnnex])</h2>
            \(shown == 0 ? "<p>\(t[.noPledgesMatch])</p>" as HTML : table(ReportTable.pledges, figures.annex, caption: t[.briefAnnexCaption], t, columns: [0, 2, 3, 6, 12, 13]))
            \(figures.total.pledges > shown ? "<p>\(t.format(.briefListCut, numbers: ["shown": shown, "total": figures.total.pledges]))</p>" as HTML : .empty)
            </section>
            """
    }

    /// Rows of a report table, the chosen columns only, as a table whose header repeats on every printed page.
    private func table(_ table: ReportTable, _ rows: [[Cell]], caption: String, _ t: Strings, columns: [Int]? = nil) -> HTML {
        let chosen = columns ?? Array(table.columns.indices)
        let heads = chosen.map { i -> HTML in "<th scope=\"col\">\(t[table.columns[i].heading])</th>" }
        let body = rows.map { cells -> HTML in
            // Text cells hold titles and names: isolated, as everywhere.
            let tds = chosen.map { i -> HTML in
                if case .text = cells[i] { return "<td>\(Bidi.isolate(Self.text(cells[i], t)))</td>" }
                return "<td>\(Self.text(cells[i], t))</td>"
            }
            return "<tr>\(tds)</tr>"
        }
        return "<table><caption>\(caption)</caption><thead><tr>\(heads)</tr></thead><tbody>\(body)</tbody></table>"
    }

    private static func text(_ cell: Cell, _ t: Strings) -> String {
        switch cell {
        case .text(let value): value
        case .number(let value): String(value)
        case .date(let day): Formatting.date(day, t.language)
        case .time(let date): Formatting.date(date, t.language)
        case .empty: ""
        }
    }
}
