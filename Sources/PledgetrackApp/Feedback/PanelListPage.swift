import Markup

/// `/panels`: the panels this person runs (facilitator) or oversees (secretariat).
struct PanelListPage: PageView {
    let panels: [PanelQueries.Summary]
    let canCreate: Bool

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let rows = panels.map { p -> HTML in
            """
            <tr><th scope="row">\(Bidi.link("/panels/\(p.id)", p.name))</th><td>\(p.facilitator.map(Bidi.isolate) ?? HTML(text: t[.noFacilitator]))</td>
            <td>\(Bidi.list(p.countries, t.language))</td><td class="num">\(p.members)</td><td class="num">\(p.awaitingModeration)</td></tr>
            """
        }
        let table: HTML =
            panels.isEmpty
            ? "<p>\(t[.noPanels])</p>"
            : """
            \(FormViews.scrollRegion(t[.panelsCaption]))<table><caption>\(t[.panelsCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldName])</th><th scope="col">\(t[.fieldFacilitator])</th><th scope="col">\(t[.fieldCountries])</th>
            <th scope="col" class="num">\(t[.panelMembers])</th><th scope="col" class="num">\(t[.awaitingModeration])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return Page(
            title: t[.panelsTitle],
            content: """
                <p>\(t[.panelsIntro])</p>
                \(if: canCreate, "<p><a class=\"button\" href=\"/panels/new\">\(t[.newPanelButton])</a></p>")
                \(table)
                """)
    }
}
