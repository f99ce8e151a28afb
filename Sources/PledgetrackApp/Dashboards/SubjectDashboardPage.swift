import Database
import Foundation
import Markup

/// The dashboard of one country, one measure or one SDG target: its figures, its pledges'
/// progress by stage, how it breaks down along the other dimensions, its pledges, overdue
/// milestones and latest changes.
struct SubjectDashboardPage {
    /// A table of the subject's pledges along another dimension: every row is listed, with
    /// "none" where no pledge covers it (the gaps matter as much as the figures).
    struct Breakdown {
        let id: String
        let heading: String
        let rowHeading: String
        let rows: [(label: String, href: String?, tally: Tally?)]
        let summary: String?
    }

    let title: String
    let crumbs: [Page.Crumb]
    let path: String
    let navigationPath: String
    let intro: HTML
    let filter: DashboardFilter
    let reference: ReferenceData
    let seesRestricted: Bool
    let asOf: Date
    let total: Tally
    let breakdowns: [Breakdown]
    let pledges: [PledgeQueries.ListItem]
    let pledgesLink: String
    /// The filters of this page with its subject (a country, a measure, a target), for its report.
    let scope: PledgeFilter
    let overdue: [DashboardQueries.OverdueMilestone]
    let changes: [DashboardQueries.RecentChange]
    /// A section of the subject's own after the pledge figures (measure 18: survivor feedback).
    var appendix: HTML = .empty

    func page(_ t: Strings) -> Page {
        let n = { (v: Int) in Formatting.number(v, t.language) }
        let figures = DashboardViews.figures([
            (t[.dashPledges], n(total.pledges)),
            (t[.statusFulfilled], n(total.count(.fulfilled))), (t[.statusInProgress], n(total.count(.inProgress))),
            (t[.statusPlanning], n(total.count(.planning))),
            (t[.dashMilestonesDone], Share.text(total.done, of: total.milestones, t)),
            (t[.dashOverdueMilestones], n(total.overdue)),
        ])
        return Page(
            title: title, breadcrumbs: crumbs,
            content: """
                \(DashboardViews.top(tab: navigationPath, action: path, filter, reference, seesRestricted: seesRestricted, asOf: asOf, t, intro: intro, scope: scope))
                \(figures)
                \(DashboardViews.countingRule(total, t))
                \(total.pledges == 0 ? "<p>\(t[.dashNothing])</p>" as HTML : sections(t))
                \(appendix)
                """)
    }

    private func sections(_ t: Strings) -> HTML {
        """
        <h2>\(t[.dashProgress])</h2>
        \(DashboardViews.statusFigure(id: "status", total, t))
        \(DashboardViews.stageFigure(id: "stages", total, t))
        \(HTML.join(breakdowns.map { table($0, t) }))
        \(pledgeList(t))
        \(overdueList(t))
        \(changeList(t))
        """
    }

    private func table(_ b: Breakdown, _ t: Strings) -> HTML {
        let rows = b.rows.map { row -> HTML in
            let label: HTML = row.href.map { Bidi.link($0, row.label) } ?? Bidi.isolate(row.label)
            guard let tally = row.tally, tally.pledges > 0 else {
                return
                    "<tr class=\"gap\"><th scope=\"row\">\(label)</th><td colspan=\"\(DashboardViews.tallyColumns)\">\(t[.dashNotCovered])</td></tr>"
            }
            return "<tr><th scope=\"row\">\(label)</th>\(DashboardViews.tallyCells(tally, t))</tr>"
        }
        return """
            <h2 id="\(b.id)">\(b.heading)</h2>
            \(b.summary.map { "<p>\($0)</p>" as HTML } ?? .empty)
            \(FormViews.scrollRegion(b.heading))<table class="dashboard"><caption class="visually-hidden">\(b.heading)</caption>
            <thead><tr><th scope="col">\(b.rowHeading)</th>\(DashboardViews.tallyHeader(t))</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private func pledgeList(_ t: Strings) -> HTML {
        let items = pledges.map { p -> HTML in
            """
            <li>\(Bidi.link("/pledges/\(p.id)", p.title)) — \(Bidi.isolate(p.owner)). \(PledgeViews.statusBadge(p.status, t)) \
            \(Share.milestonesDone(p.milestonesDone, of: p.milestonesTotal, t))\
            \(p.overdue > 0 ? " <span class=\"badge badge-bad\">\(t.format(.overdueCount, numbers: ["count": p.overdue]))</span>" as HTML : .empty)</li>
            """
        }
        return """
            <h2 id="pledges">\(t[.pledgesTitle])</h2>
            <ul class="plain">\(items)</ul>
            <p><a href="\(pledgesLink)">\(t.format(.dashSeePledges, numbers: ["count": total.pledges]))</a></p>
            """
    }

    private func overdueList(_ t: Strings) -> HTML {
        guard !overdue.isEmpty else { return "<h2 id=\"overdue\">\(t[.dashOverdueMilestones])</h2><p>\(t[.dashNoOverdue])</p>" }
        let items = overdue.map { m -> HTML in
            """
            <li><strong>\(Bidi.isolate(m.title))</strong> (\(t[m.status.label])), \(t.format(.dashDueOn, ["date": Formatting.date(m.due, t.language)])) \
            — \(Bidi.link("/pledges/\(m.pledgeID)", m.pledgeTitle))</li>
            """
        }
        let more: HTML =
            total.overdue > overdue.count
            ? "<p>\(t.format(.dashOverdueMore, numbers: ["shown": overdue.count, "count": total.overdue]))</p>"
            : .empty
        return "<h2 id=\"overdue\">\(t[.dashOverdueMilestones])</h2><ul class=\"plain\">\(items)</ul>\(more)"
    }

    private func changeList(_ t: Strings) -> HTML {
        guard !changes.isEmpty else { return .empty }
        let items = changes.map { c -> HTML in
            let what = t[PledgeViews.actionKey(c.action)]
            return """
                <li>\(Bidi.time(Formatting.iso(c.at), Formatting.date(c.at, t.language)))\(t.colon)\(what)\
                \(c.milestoneTitle.map { " “\(Bidi.isolate($0))”" as HTML } ?? .empty) — \(Bidi.link("/pledges/\(c.pledgeID)", c.pledgeTitle))</li>
                """
        }
        return "<h2 id=\"changes\">\(t[.dashRecentChanges])</h2><ul class=\"plain\">\(items)</ul>"
    }
}
