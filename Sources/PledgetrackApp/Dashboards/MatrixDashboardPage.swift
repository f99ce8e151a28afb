import Database
import Foundation
import Markup

/// `/dashboards/matrix`: countries (rows, by region) × the 20 measures (columns). Each cell
/// says how many of the country's pledges cover the measure, shaded by how many of their
/// milestones are done; an empty cell is a gap. Each figure links to those pledges.
struct MatrixDashboardPage {
    let filter: DashboardFilter
    let reference: ReferenceData
    let seesRestricted: Bool
    let asOf: Date
    /// Keyed "ISO3:measure".
    let cells: [String: Tally]

    func page(_ t: Strings) -> Page {
        let countries = Set(cells.keys.map { String($0.prefix(3)) })
        return Page(
            title: t[.dashMatrixTitle], breadcrumbs: DashboardViews.crumbs(t, filter),
            content: """
                \(DashboardViews.top(tab: "/dashboards/matrix", action: "/dashboards/matrix", filter, reference, seesRestricted: seesRestricted, asOf: asOf, t))
                <p>\(t[.dashMatrixIntro])</p>
                \(TileMap.legend(t))
                \(countries.isEmpty ? "<p>\(t[.dashNothing])</p>" as HTML : table(countries, t))
                """)
    }

    private func table(_ countries: Set<String>, _ t: Strings) -> HTML {
        let heads = reference.measures.map { m -> HTML in
            "<th scope=\"col\" class=\"num\"><a href=\"/dashboards/measures/\(m.number)\(filter.query())\" title=\"\(m.title)\">\(m.number)</a></th>"
        }
        let bodies = reference.topRegions.compactMap { region -> HTML? in
            let members = reference.countries.filter { $0.regionCode == region.code && countries.contains($0.iso3) }
            guard !members.isEmpty else { return nil }
            let rows = members.map { c -> HTML in
                let tds = reference.measures.map { m -> HTML in
                    guard let tally = cells["\(c.iso3):\(m.number)"], tally.pledges > 0 else {
                        return "<td class=\"cell gap\"></td>"  // the introduction says an empty cell is a gap
                    }
                    // The row and column headings name the country and the measure.
                    let label = t.format(
                        .dashCellLabel, ["done": Share.doneOf(tally.done, of: tally.milestones, t)], numbers: ["pledges": tally.pledges])
                    let href = filter.pledgeListLink {
                        $0.country = c.iso3; $0.measure = m.number
                    }
                    return
                        "<td class=\"cell tile-\(TileMap.bucket(tally) ?? 0)\"><a href=\"\(href)\" aria-label=\"\(label)\">\(tally.pledges)</a></td>"
                }
                return "<tr><th scope=\"row\">\(Bidi.link("/dashboards/states/\(c.iso3)\(filter.query())", c.name))</th>\(tds)</tr>"
            }
            return "<tbody><tr class=\"group\"><th scope=\"rowgroup\" colspan=\"21\">\(region.name)</th></tr>\(rows)</tbody>"
        }
        return """
            \(FormViews.scrollRegion(t[.dashMatrixCaption], extraClass: "matrix-scroll"))<table class="matrix"><caption>\(t[.dashMatrixCaption])</caption>
            <thead><tr><th scope="col">\(t[.fieldCountry])</th>\(heads)</tr></thead>
            \(bodies)</table></div>
            """
    }
}
