import Markup

/// `/`: what Pledgetrack is, and the 20 measures by theme with their SDG targets and GCM actions.
struct HomePage {
    let reference: ReferenceData

    func page(_ t: Strings) -> Page {
        Page(title: t[.homeTitle], content: """
            <p class="lead">\(t[.homeIntro])</p>
            <section aria-labelledby="measures-heading">
            <h2 id="measures-heading">\(t[.homeMeasuresHeading])</h2>
            <p>\(t[.homeMeasuresIntro])</p>
            \(MeasureViews.byTheme(reference, t, headingLevel: 3))
            </section>
            """)
    }
}
