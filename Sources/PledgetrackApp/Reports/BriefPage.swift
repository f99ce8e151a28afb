import Database
import Foundation
import Markup

/// The meeting brief: a document for paper, printed by the browser or by the PDF engine from
/// this same markup. Title page with the scope and the "as of" day; what changed (with a
/// start); headline figures and charts with their tables; progress per measure and per
/// country; overdue milestones; survivor feedback (counts, and only texts published with
/// public consent); the pledges as an annex.
struct BriefPage {
    let request: ReportRequest
    let scopeDescription: [String]
    let figures: ReportFigures
    let reference: ReferenceData
    let seesRestricted: Bool
    let preparedAt: Date
    let today: CalendarDate

    /// The whole document; `styles` is put in the head as it is (links to the site's style
    /// sheets, or for the PDF engine the sheets themselves).
    /// The head of the printable page in a browser: the site's style sheets.
    static let screenHead: HTML =
        "<link rel=\"stylesheet\" href=\"/static/css/app.css\"><link rel=\"stylesheet\" href=\"/static/css/brief.css\">"

    /// The head for the PDF engine: its style sheets beside it, and a policy that lets the page
    /// load nothing else and run no script.
    static let printHead: HTML = """
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src file:; img-src data:">\
        <link rel="stylesheet" href="app.css"><link rel="stylesheet" href="brief.css">
        """

    func document(_ t: Strings, head: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="\(t.language.rawValue)" dir="\(t.language.direction)">
        <head><meta charset="utf-8"><title>\(title(t)) · \(t[.siteName])</title>\(head)</head>
        <body class="brief">\(body(t))</body>
        </html>
        """
    }

    func title(_ t: Strings) -> String {
        t[.briefTitle]
    }

    private var day: CalendarDate { request.asOf ?? today }

    func body(_ t: Strings) -> HTML {
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let scope = scopeDescription.map { item -> HTML in "<li>\(item)</li>" }
        let period: HTML =
            request.since.map { since in
                "<p class=\"brief-period\">\(t.format(.briefChangedPeriod, ["from": Formatting.date(since, t.language), "to": Formatting.date(day, t.language)]))</p>"
            } ?? .empty
        return """
            <p class="brief-back"><a href="/reports\(request.formQuery)">\(t[.briefChange])</a></p>
            <section class="brief-cover">
            <p class="brief-site">\(t[.siteName])</p>
            <h1>\(title(t))</h1>
            <p class="brief-asof">\(t.format(.briefAsOf, "date", Formatting.date(day, t.language)))</p>
            \(period)
            <h2>\(t[.briefScope])</h2>
            <ul>\(scope)</ul>
            <p>\(seesRestricted ? t[.dashIncludesRestricted] : t[.dashPublicOnly])</p>
            <p class="brief-prepared">\(t.format(.briefPrepared, "time", Formatting.dateTime(preparedAt, t.language)))</p>
            </section>
            \(changes(t))
            <section>
            <h2>\(t[.dashHeadline])</h2>
            \(DashboardViews.figures([
                (t[.dashPledges], n(figures.total.pledges)), (t[.dashEntities], n(figures.headline.entities)),
                (t[.dashCountries], n(figures.headline.countries)), (t[.dashMilestonesDone], t.format(.dashDoneOf, [
                    "done": n(figures.total.done), "total": n(figures.total.milestones),
                    "percent": String(Tally.percent(figures.total.done, of: figures.total.milestones))])),
                (t[.dashOverdueMilestones], n(figures.total.overdue)),
            ]))
            \(DashboardViews.statusFigure(id: "brief-status", figures.total, t))
            \(DashboardViews.stageFigure(id: "brief-stages", figures.total, t))
            </section>
            \(measures(t))
            \(countries(t))
            \(overdue(t))
            \(feedback(t))
            \(annex(t))
            """
    }

    private func changes(_ t: Strings) -> HTML {
        guard let rows = figures.changes, let since = request.since else { return .empty }
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let counts = ["completed", "status", "new", "answer"].map { kind -> HTML in
            "<tr><th scope=\"row\">\(t[ReportTable.changeKey(kind)])</th><td class=\"num\">\(n(figures.changeCounts[kind] ?? 0))</td></tr>"
        }
        let total = figures.changeCounts.values.reduce(0, +)
        return """
            <section class="brief-changes">
            <h2>\(t.format(.briefChangesHeading, ["from": Formatting.date(since, t.language), "to": Formatting.date(day, t.language)]))</h2>
            <table class="compact"><caption>\(t[.briefChangesCounts])</caption>
            <thead><tr><th scope="col">\(t[.colWhat])</th><th scope="col" class="num">\(t[.briefCount])</th></tr></thead>
            <tbody>\(counts)</tbody></table>
            \(rows.isEmpty ? "<p>\(t[.briefNoChanges])</p>" as HTML : table(ReportTable.changes, rows, caption: t[.briefChangesList], t))
            \(total > rows.count ? "<p>\(t.format(.briefListCut, ["shown": n(rows.count), "total": n(total)]))</p>" as HTML : .empty)
            </section>
            """
    }

    private func measures(_ t: Strings) -> HTML {
        let rows = reference.measures.map { m -> HTML in
            "<tr><th scope=\"row\">\(m.number). \(m.title)</th>\(DashboardViews.tallyCells(figures.byMeasure[String(m.number)], t))</tr>"
        }
        return """
            <section><h2>\(t[.briefByMeasure])</h2>
            <table class="dashboard"><caption>\(t[.briefByMeasureCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldMeasure])</th>\(DashboardViews.tallyHeader(t))</tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
    }

    private func countries(_ t: Strings) -> HTML {
        let rows = figures.byCountry.keys.compactMap { reference.country($0) }.sorted { $0.name < $1.name }.map { c -> HTML in
            "<tr><th scope=\"row\">\(c.name)</th>\(DashboardViews.tallyCells(figures.byCountry[c.iso3], t))</tr>"
        }
        return """
            <section><h2>\(t[.briefByCountry])</h2>
            \(rows.isEmpty ? "<p>\(t[.dashNothing])</p>" as HTML : """
                <table class="dashboard"><caption>\(t[.briefByCountryCaption])</caption>
                <thead><tr><th scope="col">\(t[.fieldCountry])</th>\(DashboardViews.tallyHeader(t))</tr></thead>
                <tbody>\(rows)</tbody></table>
                """)
            </section>
            """
    }

    private func overdue(_ t: Strings) -> HTML {
        let rows = figures.overdue.map { m -> HTML in
            """
            <tr><td>\(m.pledgeID)</td><td>\(m.pledgeTitle)</td><td>\(m.title)</td>
            <td>\(Formatting.date(m.due, t.language))</td><td>\(t[m.status.label])</td></tr>
            """
        }
        return """
            <section><h2>\(t[.dashOverdueMilestones])</h2>
            \(rows.isEmpty ? "<p>\(t[.dashNoOverdue])</p>" as HTML : """
                <table><caption>\(t.format(.briefOverdueCaption, "count", Formatting.number(figures.total.overdue, t.language)))</caption>
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
        let n = { (v: Int?) in v.map { Formatting.number($0, t.language) } ?? t.format(.fewerThan, "count", String(SmallCells.threshold)) }
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
                item.contentNote.map { "<p class=\"content-note\"><strong>\(t.format(.briefContentNote, "note", $0))</strong></p>" }
                ?? .empty
            return
                "<blockquote>\(note)<p>\(item.body ?? "")</p><footer>\(Formatting.date(item.createdAt, t.language))\(item.pledgeTitle.map { " · \($0)" } ?? "")</footer></blockquote>"
        }
        return """
            <section><h2>\(t[.briefFeedback])</h2>
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
            \(figures.total.pledges > shown ? "<p>\(t.format(.briefListCut, ["shown": Formatting.number(shown, t.language), "total": Formatting.number(figures.total.pledges, t.language)]))</p>" as HTML : .empty)
            </section>
            """
    }

    /// Rows of a report table, the chosen columns only, as a table whose header repeats on every printed page.
    private func table(_ table: ReportTable, _ rows: [[Cell]], caption: String, _ t: Strings, columns: [Int]? = nil) -> HTML {
        let chosen = columns ?? Array(table.columns.indices)
        let heads = chosen.map { i -> HTML in "<th scope=\"col\">\(t[table.columns[i].heading])</th>" }
        let body = rows.map { cells -> HTML in
            let tds = chosen.map { i -> HTML in "<td>\(Self.text(cells[i], t))</td>" }
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
