import Markup

/// `/measures`: every measure by theme.
struct MeasuresPage {
    let reference: ReferenceData

    func page(_ t: Strings) -> Page {
        Page(
            title: t[.measuresTitle],
            breadcrumbs: [.init(title: t[.navHome], href: "/")],
            content: """
                <p class="lead">\(t[.measuresIntro])</p>
                \(MeasureViews.byTheme(reference, t, headingLevel: 2))
                """)
    }
}
