import Database
import Foundation
import Markup

/// `/dashboards`: the headline figures, pledges by status, milestones by stage and status,
/// and milestones completed month by month.
struct OverviewDashboardPage {
    let filter: DashboardFilter
    let reference: ReferenceData
    let seesRestricted: Bool
    let asOf: Date
    let total: Tally
    let headline: DashboardQueries.Headline
    let milestones: [Stage: [MilestoneStatus: Int]]
    let months: [DashboardQueries.MonthCount]

    func page(_ t: Strings) -> Page {
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let share = { (s: PledgeStatus) in Share.text(self.total.share(s), t) }
        let figures = DashboardViews.figures([
            (t[.dashPledges], n(total.pledges)), (t[.dashEntities], n(headline.entities)), (t[.dashCountries], n(headline.countries)),
            (t[.statusFulfilled], share(.fulfilled)), (t[.statusInProgress], share(.inProgress)), (t[.statusPlanning], share(.planning)),
            (t[.dashOverdueMilestones], n(total.overdue)), (t[.dashStalePledges], n(total.stale)),
        ])
        return Page(
            title: t[.dashOverviewTitle], breadcrumbs: [Page.Crumb(title: t[.navHome], href: "/")],
            content: """
                \(DashboardViews.top(tab: "/dashboards", action: "/dashboards", filter, reference, seesRestricted: seesRestricted, asOf: asOf, t))
                <h2 id="headline">\(t[.dashHeadline])</h2>
                \(figures)
                \(DashboardViews.countingRule(total, t))
                <p><a href="\(filter.pledgeListLink())">\(t.format(.dashSeePledges, ["count": n(total.pledges)]))</a>
                · <a href="\(filter.pledgeListLink { $0.overdue = true })">\(t.format(.dashSeeOverdue, ["count": n(total.withOverdue)]))</a>
                · <a href="\(filter.pledgeListLink { $0.stale = true })">\(t.format(.dashSeeStale, ["count": n(total.stale)]))</a></p>
                <h2>\(t[.dashProgress])</h2>
                \(DashboardViews.statusFigure(id: "status", total, t))
                \(DashboardViews.stageFigure(id: "stages", total, t))
                \(milestoneTable(t))
                \(completedFigure(t))
                """)
    }

    /// Milestones by stage (rows) and status (columns).
    private func milestoneTable(_ t: Strings) -> HTML {
        let statuses = MilestoneStatus.allCases
        let head = statuses.map { s -> HTML in "<th scope=\"col\" class=\"num\">\(t[s.label])</th>" }
        let rows = Stage.allCases.map { stage -> HTML in
            let counts = milestones[stage] ?? [:]
            let cells = statuses.map { s -> HTML in "<td class=\"num\">\(Formatting.number(counts[s] ?? 0, t.language))</td>" }
            return
                "<tr><th scope=\"row\">\(t[stage.label])</th>\(cells)<td class=\"num\">\(Formatting.number(counts.values.reduce(0, +), t.language))</td></tr>"
        }
        return """
            <h3>\(t[.dashMilestonesByStageStatus])</h3>
            \(FormViews.scrollRegion(t[.dashMilestonesByStageStatus]))<table><caption class="visually-hidden">\(t[.dashMilestonesByStageStatus])</caption>
            <thead><tr><th scope="col">\(t[.fieldStage])</th>\(head)<th scope="col" class="num">\(t[.dashTotal])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private func completedFigure(_ t: Strings) -> HTML {
        let rows = months.map { m -> HTML in
            "<tr><th scope=\"row\">\(Formatting.month(m.month, t.language))</th><td class=\"num\">\(Formatting.number(m.count, t.language))</td></tr>"
        }
        let table: HTML = """
            \(FormViews.scrollRegion(t[.dashCompletedTitle], short: true))<table class="compact"><caption>\(t[.dashCompletedTitle])</caption>
            <thead><tr><th scope="col">\(t[.dashMonth])</th><th scope="col" class="num">\(t[.dashCompleted])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let best = months.max { $0.count < $1.count }
        let summary = t.format(
            .dashCompletedSummary,
            [
                "from": months.first.map { Formatting.month($0.month, t.language) } ?? "",
                "to": months.last.map { Formatting.month($0.month, t.language) } ?? "",
                "best": best.map { Formatting.month($0.month, t.language) } ?? "",
            ], numbers: ["count": months.reduce(0) { $0 + $1.count }, "bestCount": best?.count ?? 0])
        return Charts.figure(
            id: "completed", title: t[.dashCompletedTitle], summary: summary,
            chart: Charts.monthlyLine(id: "completed-line", title: t[.dashCompletedTitle], months: months, t), table: table)
    }

    /// The months the line covers: the filter's period, else the last twelve months, at most ten years.
    static func chartPeriod(_ filter: DashboardFilter, today: CalendarDate) -> (CalendarDate, CalendarDate) {
        let to = min(filter.to ?? today, today)
        func monthStart(yearsBefore: Int) -> CalendarDate {
            CalendarDate(year: max(to.year - yearsBefore, 1), month: to.month, day: 1) ?? to
        }
        var from = filter.from ?? monthStart(yearsBefore: 1)
        if from > to { from = monthStart(yearsBefore: 0) }
        if to.year - from.year > 10 { from = monthStart(yearsBefore: 10) }
        return (from, to)
    }
}
