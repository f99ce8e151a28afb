import Database
import Foundation
import Markup

/// Pieces every dashboard shares: the navigation between them, the filter form, the notice
/// about filters left out, the "as of" line and the counting rule, and the standard charts
/// of a tally (pledges by status, milestones by stage) with their tables.
enum DashboardViews {
    /// The line under a page's title (a country's region and sub-region).
    static func lead(_ text: String) -> HTML { "<p class=\"lead\">\(text)</p>" }

    static let sections: [(path: String, title: Strings.Key)] = [
        ("/dashboards", .dashOverviewTitle), ("/dashboards/states", .dashStatesTitle), ("/dashboards/measures", .dashMeasuresTitle),
        ("/dashboards/sdgs", .dashSDGsTitle), ("/dashboards/gcm", .dashGCMTitle), ("/dashboards/matrix", .dashMatrixTitle),
    ]

    static func crumbs(_ t: Strings, _ filter: DashboardFilter, parent: (String, Strings.Key)? = nil) -> [Page.Crumb] {
        var crumbs = [
            Page.Crumb(title: t[.navHome], href: "/"), Page.Crumb(title: t[.dashOverviewTitle], href: "/dashboards" + filter.query()),
        ]
        if let parent { crumbs.append(Page.Crumb(title: t[parent.1], href: parent.0 + filter.query())) }
        return crumbs
    }

    /// The top of every dashboard: the tabs, a notice about filters left out, the page's own
    /// introduction, the filter form (sending to `action`) and the "as of" line.
    static func top(
        tab: String, action: String, _ filter: DashboardFilter, _ reference: ReferenceData, seesRestricted: Bool, asOf: Date,
        _ t: Strings, keep: [(String, String)] = [], intro: HTML = .empty, scope: PledgeFilter? = nil
    ) -> HTML {
        let report = (scope ?? filter.pledgeFilter()).queryString()
        return """
            \(navigation(current: tab, filter, t))
            \(FormViews.ignoredFilters(filter.ignored, t))
            \(intro)
            \(filterForm(action: action, filter, reference, t, keep: keep))
            \(Self.asOf(asOf, seesRestricted: seesRestricted, t))
            <p class="download-view"><a href="/reports\(report.isEmpty ? "" : "?" + report)">\(t[.dashDownloadView])</a></p>
            """
    }

    /// The tabs between dashboards, keeping the filters.
    static func navigation(current: String, _ filter: DashboardFilter, _ t: Strings) -> HTML {
        let links = sections.map { section -> HTML in
            let here = current == section.path
            return "<li><a href=\"\(section.path + filter.query())\"\(if: here, " aria-current=\"page\"")>\(t[section.title])</a></li>"
        }
        return "<nav class=\"dash-nav\" aria-label=\"\(t[.dashNavLabel])\"><ul>\(links)</ul></nav>"
    }

    /// The shared filters, as a form that reloads the same page; `keep` carries other parameters (the sort).
    static func filterForm(
        action: String, _ filter: DashboardFilter, _ reference: ReferenceData, _ t: Strings, keep: [(String, String)] = []
    ) -> HTML {
        func select(_ name: String, _ label: Strings.Key, _ options: [(String, String, Bool)]) -> HTML {
            FormViews.select(name, label: t[label], options: options, blank: t[.anyOption], t)
        }
        let regions = reference.regions.map { r in (r.code, r.parentCode == nil ? r.name : "— " + r.name, r.code == filter.region) }
        let hidden = keep.map { item -> HTML in "<input type=\"hidden\" name=\"\(item.0)\" value=\"\(item.1)\">" }
        let active = [
            filter.region != nil, filter.entityKind != nil, filter.pledgeKind != nil, filter.status != nil, filter.from != nil,
            filter.to != nil,
        ]
        return FormViews.filterPanel(
            active: active.filter { $0 }.count, t,
            """
            <form method="get" action="\(action)" class="filters" aria-label="\(t[.filtersLabel])">
            \(hidden)
            \(select("region", .fieldRegion, regions))
            \(select("kind", .fieldEntityKind, EntityKind.options(t, selected: filter.entityKind.map { [$0] } ?? [])))
            \(select("pledge_kind", .fieldKind, PledgeKind.options(t, selected: filter.pledgeKind.map { [$0] } ?? [])))
            \(select("status", .fieldStatus, PledgeStatus.options(t, selected: filter.status.map { [$0] } ?? [])))
            \(FormViews.field("from", label: t[.periodFrom], value: filter.from?.iso ?? "", type: "date", required: false, t))
            \(FormViews.field("to", label: t[.periodTo], value: filter.to?.iso ?? "", type: "date", required: false, t))
            \(FormViews.button(t[.filterButton]))
            \(filter.isEmpty ? HTML.empty : "<a href=\"\(action)\">\(t[.clearFilters])</a>")
            </form>
            """)
    }

    /// "Figures as of …" and, for visitors, that restricted pledges are left out.
    static func asOf(_ date: Date, seesRestricted: Bool, _ t: Strings) -> HTML {
        """
        <p class="as-of">\(t.format(.dashAsOf, ["time": Formatting.dateTime(date, t.language)])) \
        \(seesRestricted ? t[.dashIncludesRestricted] : t[.dashPublicOnly])</p>
        """
    }

    static func countingRule(_ total: Tally, _ t: Strings) -> HTML {
        "<p class=\"counting-rule\">\(t.format(.dashCountingRule, numbers: ["count": total.pledges]))</p>"
    }

    /// Pledges by status: a bar, its summary and its table.
    static func statusFigure(id: String, _ tally: Tally, _ t: Strings) -> HTML {
        let segments = [
            Charts.Segment(label: t[.statusFulfilled], value: tally.count(.fulfilled), style: "fulfilled"),
            Charts.Segment(label: t[.statusInProgress], value: tally.count(.inProgress), style: "in_progress"),
            Charts.Segment(label: t[.statusPlanning], value: tally.count(.planning), style: "planning"),
            Charts.Segment(label: t[.statusWithdrawn], value: tally.count(.withdrawn), style: "withdrawn"),
        ]
        let shares = Share.percents(segments.map(\.value))
        let rows = segments.enumerated().map { index, s -> HTML in
            "<tr><th scope=\"row\">\(s.label)</th><td class=\"num\">\(Formatting.number(s.value, t.language))</td><td class=\"num\">\(Share.text(shares?[index], t))</td></tr>"
        }
        let table: HTML = """
            <table class="compact"><caption>\(t[.dashPledgesByStatus])</caption>
            <thead><tr><th scope="col">\(t[.fieldStatus])</th><th scope="col" class="num">\(t[.dashPledges])</th><th scope="col" class="num">\(t[.dashShare])</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">\(t[.dashTotal])</th><td class="num">\(Formatting.number(tally.pledges, t.language))</td><td class="num">\(Share.text(shares == nil ? nil : 100, t))</td></tr></tfoot></table>
            """
        let summary =
            shares == nil
            ? t[.dashNothing]
            : t.format(
                .dashStatusSummary,
                [
                    "fulfilled": Share.text(tally.share(.fulfilled), t), "progress": Share.text(tally.share(.inProgress), t),
                    "planning": Share.text(tally.share(.planning), t), "withdrawn": Share.text(tally.share(.withdrawn), t),
                ], numbers: ["count": tally.pledges])
        return Charts.figure(
            id: id, title: t[.dashPledgesByStatus], summary: summary,
            chart: Charts.stackedBar(id: id + "-bar", title: t[.dashPledgesByStatus], segments: segments, t.language), table: table)
    }

    /// Milestones done of all, for each stage: bars and their table.
    static func stageFigure(id: String, _ tally: Tally, _ t: Strings) -> HTML {
        let bars = Stage.allCases.map { stage -> HTML in
            let count = tally.stages[stage] ?? Tally.StageCount()
            let segments = [
                Charts.Segment(label: t[.msDone], value: count.done, style: "done"),
                Charts.Segment(label: t[.dashOpen], value: count.total - count.done, style: "open"),
            ]
            return
                "<h4>\(t[stage.label])</h4>\(Charts.stackedBar(id: "\(id)-\(stage.rawValue)", title: t.format(.dashStageBarTitle, ["stage": t[stage.label]]), segments: segments, t.language))"
        }
        let rows = Stage.allCases.map { stage -> HTML in
            let count = tally.stages[stage] ?? Tally.StageCount()
            return
                "<tr><th scope=\"row\">\(t[stage.label])</th><td class=\"num\">\(Formatting.number(count.done, t.language))</td><td class=\"num\">\(Formatting.number(count.total, t.language))</td><td class=\"num\">\(Share.text(count.done, of: count.total, t))</td></tr>"
        }
        let all = Stage.allCases.reduce(into: Tally.StageCount()) { sum, stage in
            sum.total += tally.stages[stage]?.total ?? 0
            sum.done += tally.stages[stage]?.done ?? 0
        }
        let table: HTML = """
            <table class="compact"><caption>\(t[.dashMilestonesByStage])</caption>
            <thead><tr><th scope="col">\(t[.fieldStage])</th><th scope="col" class="num">\(t[.msDone])</th><th scope="col" class="num">\(t[.dashMilestones])</th><th scope="col" class="num">\(t[.dashShare])</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">\(t[.dashTotal])</th><td class="num">\(Formatting.number(all.done, t.language))</td><td class="num">\(Formatting.number(all.total, t.language))</td><td class="num">\(Share.text(all.done, of: all.total, t))</td></tr></tfoot></table>
            """
        let summary = t.format(.dashStageSummary, numbers: ["done": tally.done, "total": tally.milestones, "overdue": tally.overdue])
        return Charts.figure(id: id, title: t[.dashMilestonesByStage], summary: summary, chart: HTML.join(bars), table: table)
    }

    /// The number of columns `tallyHeader` and `tallyCells` make.
    static let tallyColumns = 7

    /// The columns every breakdown table shares, after the row's own heading: the pledges, and
    /// how many of them have each status (these add up to the pledges), then their milestones.
    static func tallyHeader(_ t: Strings) -> HTML {
        """
        <th scope="col" class="num">\(t[.dashPledges])</th><th scope="col" class="num">\(t[.statusFulfilled])</th>
        <th scope="col" class="num">\(t[.statusInProgress])</th><th scope="col" class="num">\(t[.statusPlanning])</th>
        <th scope="col" class="num">\(t[.statusWithdrawn])</th><th scope="col">\(t[.dashMilestonesDone])</th><th scope="col" class="num">\(t[.dashOverdue])</th>
        """
    }

    static func tallyCells(_ tally: Tally?, _ t: Strings) -> HTML {
        let tally = tally ?? Tally()
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let done = Share.doneOf(tally.done, of: tally.milestones, t)
        return """
            <td class="num">\(n(tally.pledges))</td><td class="num">\(n(tally.count(.fulfilled)))</td>
            <td class="num">\(n(tally.count(.inProgress)))</td><td class="num">\(n(tally.count(.planning)))</td>
            <td class="num">\(n(tally.count(.withdrawn)))</td>
            <td class="progress-cell">\(Charts.progress(done: tally.done, total: tally.milestones, t.language)) <span>\(done)</span></td>
            <td class="num">\(tally.overdue > 0 ? "<span class=\"badge badge-bad\">\(n(tally.overdue))</span>" as HTML : "0")</td>
            """
    }

    /// The headline figures of a tally, as a definition list.
    static func figures(_ items: [(String, String)]) -> HTML {
        let entries = items.map { item -> HTML in "<div><dt>\(item.0)</dt><dd>\(item.1)</dd></div>" }
        return "<dl class=\"headline\">\(entries)</dl>"
    }
}
