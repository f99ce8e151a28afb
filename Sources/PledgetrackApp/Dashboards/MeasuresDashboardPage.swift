import Database
import Foundation
import Markup

/// `/dashboards/measures`: the 20 measures grouped by theme, each with its pledges and how
/// far their milestones are in each stage (commitment, implementation, evaluation).
struct MeasuresDashboardPage {
    let filter: DashboardFilter
    let reference: ReferenceData
    let seesRestricted: Bool
    let asOf: Date
    let byMeasure: [String: Tally]

    func page(_ t: Strings) -> Page {
        let uncovered = reference.measures.filter { (byMeasure[String($0.number)]?.pledges ?? 0) == 0 }
        let gap: HTML =
            uncovered.isEmpty
            ? "<p>\(t[.dashAllMeasuresCovered])</p>"
            : "<p>\(t.format(.dashMeasuresUncovered, ["list": uncovered.map { String($0.number) }.joined(separator: ", ")]))</p>"
        return Page(
            title: t[.dashMeasuresTitle], breadcrumbs: DashboardViews.crumbs(t, filter),
            content: """
                \(DashboardViews.top(tab: "/dashboards/measures", action: "/dashboards/measures", filter, reference, seesRestricted: seesRestricted, asOf: asOf, t))
                <p>\(t[.dashMeasuresIntro])</p>
                \(gap)
                \(table(t))
                """)
    }

    private func table(_ t: Strings) -> HTML {
        let stageHeads = Stage.allCases.map { s -> HTML in "<th scope=\"col\">\(t[s.label])</th>" }
        let bodies = reference.themes.map { theme -> HTML in
            let rows = reference.measures(in: theme).map { m -> HTML in
                let tally = byMeasure[String(m.number)] ?? Tally()
                let stages = Stage.allCases.map { stage -> HTML in
                    let c = tally.stages[stage] ?? Tally.StageCount()
                    let label = Share.doneOf(c.done, of: c.total, t)
                    return
                        "<td class=\"progress-cell\">\(Charts.progress(done: c.done, total: c.total, t.language)) <span>\(label)</span></td>"
                }
                return """
                    <tr\(if: tally.pledges == 0, " class=\"gap\"")><th scope="row"><a href="/dashboards/measures/\(m.number)\(filter.query())">\(m.number). \(Bidi.isolate(m.title))</a></th>
                    <td class="num">\(Formatting.number(tally.pledges, t.language))</td><td class="num">\(Formatting.number(tally.count(.fulfilled), t.language))</td>\(stages)</tr>
                    """
            }
            return "<tbody><tr class=\"group\"><th scope=\"rowgroup\" colspan=\"6\">\(theme.title)</th></tr>\(rows)</tbody>"
        }
        return """
            \(FormViews.scrollRegion(t[.dashMeasuresCaption]))<table class="dashboard"><caption>\(t[.dashMeasuresCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldMeasure])</th><th scope="col" class="num">\(t[.dashPledges])</th><th scope="col" class="num">\(t[.statusFulfilled])</th>\(stageHeads)</tr></thead>
            \(bodies)</table></div>
            """
    }
}
