import Database
import Foundation
import Markup

/// `/dashboards/states`: every country with pledges implemented there, on a tile map and in
/// a table grouped by UN region or sorted by a figure.
struct StatesDashboardPage {
    enum Sort: String, CaseIterable, Sendable {
        case region, pledges, done, overdue
    }

    let filter: DashboardFilter
    let sort: Sort
    let reference: ReferenceData
    let seesRestricted: Bool
    let asOf: Date
    let byCountry: [String: Tally]

    func page(_ t: Strings) -> Page {
        let countries = reference.countries.filter { byCountry[$0.iso3] != nil }
        let halfway = countries.filter { (byCountry[$0.iso3]?.progress ?? 0) >= 0.5 }.count
        let summary = t.format(.dashStatesSummary, numbers: ["count": countries.count, "halfway": halfway])
        return Page(
            title: t[.dashStatesTitle], breadcrumbs: DashboardViews.crumbs(t, filter),
            content: """
                \(DashboardViews.top(tab: "/dashboards/states", action: "/dashboards/states", filter, reference, seesRestricted: seesRestricted, asOf: asOf, t, keep: sort == .region ? [] : [("sort", sort.rawValue)]))
                <figure class="chart-figure" aria-labelledby="map-caption">
                <figcaption id="map-caption"><h2>\(t[.tileMapTitle])</h2></figcaption>
                <p class="chart-summary">\(summary) \(t[.tileMapHint])</p>
                \(TileMap.svg(reference, tallies: byCountry, link: { "/dashboards/states/\($0)" + filter.query() }, t))
                \(TileMap.legend(t))
                </figure>
                <h2 id="table-heading">\(t[.dashStatesTable])</h2>
                \(table(countries, t))
                """)
    }

    private func sortLink(_ s: Sort, _ label: Strings.Key, _ t: Strings) -> HTML {
        let href = "/dashboards/states" + filter.query(s == .region ? [] : [("sort", s.rawValue)]) + "#table-heading"
        return sort == s ? "<span aria-current=\"true\">\(t[label]) ▾</span>" : "<a href=\"\(href)\">\(t[label])</a>"
    }

    private func table(_ countries: [ReferenceData.Country], _ t: Strings) -> HTML {
        let sorting: HTML = """
            <p class="sort-links">\(t[.sortLabel]): \(sortLink(.region, .dashSortRegion, t)) · \(sortLink(.pledges, .dashSortPledges, t)) \
            · \(sortLink(.done, .dashSortDone, t)) · \(sortLink(.overdue, .dashSortOverdue, t))</p>
            """
        let head: HTML =
            "<thead><tr><th scope=\"col\">\(t[.fieldCountry])</th><th scope=\"col\">\(t[.fieldRegion])</th>\(DashboardViews.tallyHeader(t))</tr></thead>"
        func row(_ c: ReferenceData.Country) -> HTML {
            let sub = c.subRegionCode.flatMap { reference.region($0)?.name } ?? ""
            return
                "<tr><th scope=\"row\">\(Bidi.link("/dashboards/states/\(c.iso3)\(filter.query())", c.name))</th><td>\(Bidi.isolate(sub))</td>\(DashboardViews.tallyCells(byCountry[c.iso3], t))</tr>"
        }
        let bodies: HTML
        if sort == .region {
            bodies = HTML.join(
                reference.topRegions.compactMap { region -> HTML? in
                    let members = countries.filter { $0.regionCode == region.code }
                    guard !members.isEmpty else { return nil }
                    return
                        "<tbody><tr class=\"group\"><th scope=\"rowgroup\" colspan=\"\(DashboardViews.tallyColumns + 2)\">\(Bidi.isolate(region.name)) (\(Formatting.number(members.count, t.language)))</th></tr>\(members.map(row))</tbody>"
                })
        } else {
            let key: (Tally) -> (Int, Int) =
                switch sort {
                case .pledges: { ($0.pledges, $0.done) }
                case .done: { (Share.percent($0.done, of: $0.milestones) ?? -1, $0.done) }
                default: { ($0.overdue, $0.pledges) }
                }
            let sorted = countries.sorted { a, b in
                let ka = key(byCountry[a.iso3]!), kb = key(byCountry[b.iso3]!)
                return ka != kb ? ka > kb : a.name < b.name
            }
            bodies = "<tbody>\(sorted.map(row))</tbody>"
        }
        guard !countries.isEmpty else { return "<p>\(t[.dashNothing])</p>" }
        return """
            \(sorting)
            \(FormViews.scrollRegion(t[.dashStatesTable]))<table class="dashboard"><caption class="visually-hidden">\(t[.dashStatesTable])</caption>\(head)\(bodies)</table></div>
            """
    }
}
