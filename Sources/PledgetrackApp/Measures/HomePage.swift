import Database
import Markup

/// `/`: what Pledgetrack is, the progress at a glance, and the 20 measures by theme with their
/// SDG targets and GCM actions.
struct HomePage {
    let reference: ReferenceData
    let total: Tally
    let headline: DashboardQueries.Headline
    let seesRestricted: Bool

    func page(_ t: Strings) -> Page {
        let n = { (v: Int) in Formatting.number(v, t.language) }
        return Page(
            title: t[.homeTitle],
            content: """
                <p class="lead">\(t[.homeIntro])</p>
                <section aria-labelledby="glance-heading">
                <h2 id="glance-heading">\(t[.homeGlanceHeading])</h2>
                \(DashboardViews.figures([
                    (t[.dashPledges], n(total.pledges)), (t[.dashCountries], n(headline.countries)),
                    (t[.statusFulfilled], Share.text(total.share(.fulfilled), t)),
                    (t[.dashMilestonesDone], Share.text(total.done, of: total.milestones, t)),
                    (t[.dashOverdueMilestones], n(total.overdue)),
                ]))
                <p>\(seesRestricted ? t[.dashIncludesRestricted] : t[.dashPublicOnly]) <a href="/dashboards">\(t[.homeSeeDashboards])</a></p>
                </section>
                <section aria-labelledby="measures-heading">
                <h2 id="measures-heading">\(t[.homeMeasuresHeading])</h2>
                <p>\(t[.homeMeasuresIntro])</p>
                \(MeasureViews.byTheme(reference, t, headingLevel: 3))
                </section>
                """)
    }
}
