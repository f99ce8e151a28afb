import Database
import Foundation
import Markup

/// `/dashboards/sdgs`: SDG goals 5, 8, 10 and 16, their targets and the pledges that answer
/// them; `/dashboards/gcm`: the same for the GCM Objective 10 actions a–j.
struct SDGDashboardPage {
    enum Kind { case sdgs, gcm }

    let kind: Kind
    let filter: DashboardFilter
    let reference: ReferenceData
    let seesRestricted: Bool
    let asOf: Date
    let tallies: [String: Tally]

    func page(_ t: Strings) -> Page {
        let path = kind == .sdgs ? "/dashboards/sdgs" : "/dashboards/gcm"
        return Page(
            title: t[kind == .sdgs ? .dashSDGsTitle : .dashGCMTitle], breadcrumbs: DashboardViews.crumbs(t, filter),
            content: """
                \(DashboardViews.top(tab: path, action: path, filter, reference, seesRestricted: seesRestricted, asOf: asOf, t))
                <p>\(t[kind == .sdgs ? .dashSDGsIntro : .dashGCMIntro])</p>
                \(kind == .sdgs ? goals(t) : actions(t))
                """)
    }

    private func goals(_ t: Strings) -> HTML {
        let goalNumbers = reference.targets.map(\.goalNumber).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        let bodies = goalNumbers.map { goal -> HTML in
            let targets = reference.targets.filter { $0.goalNumber == goal }
            let rows = targets.map { target -> HTML in
                """
                <tr><th scope="row"><a href="/dashboards/sdgs/\(target.code)\(filter.query())">\(t.format(.sdgTargetShort, ["code": target.code]))</a>
                <span class="small">\(Bidi.isolate(target.title))</span></th>\(DashboardViews.tallyCells(tallies[target.code], t))</tr>
                """
            }
            let title = targets.first.map { "\(t.format(.dashGoal, numbers: ["number": goal]))\(t.colon)\($0.goalTitle)" } ?? ""
            return
                "<tbody><tr class=\"group\"><th scope=\"rowgroup\" colspan=\"\(DashboardViews.tallyColumns + 1)\">\(title)</th></tr>\(rows)</tbody>"
        }
        return """
            \(FormViews.scrollRegion(t[.dashSDGsCaption]))<table class="dashboard"><caption>\(t[.dashSDGsCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldSDGTarget])</th>\(DashboardViews.tallyHeader(t))</tr></thead>
            \(bodies)</table></div>
            """
    }

    private func actions(_ t: Strings) -> HTML {
        let rows = reference.actions.map { action -> HTML in
            """
            <tr><th scope="row"><a href="\(filter.pledgeListLink { $0.action = action.letter })">\(t.format(.gcmActionShort, ["letter": action.letter]))</a>
            <span class="small">\(Bidi.isolate(action.title))</span></th>\(DashboardViews.tallyCells(tallies[action.letter], t))</tr>
            """
        }
        return """
            \(FormViews.scrollRegion(t[.dashGCMCaption]))<table class="dashboard"><caption>\(t[.dashGCMCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldGCMAction])</th>\(DashboardViews.tallyHeader(t))</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }
}
