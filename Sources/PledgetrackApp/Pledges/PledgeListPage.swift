import Database
import Foundation
import Markup

/// `/pledges`: every pledge the reader may see, filtered, searched, sorted and in pages.
struct PledgeListPage: PageView {
    /// The choices of the filter form: countries that have pledges, regions, entities; their
    /// `<option>`s are rendered once, when they are loaded, not on every request.
    struct Options: Sendable {
        let countries: RenderedOptions
        let regions: RenderedOptions
        let entities: RenderedOptions
    }

    let filter: PledgeFilter
    let items: [PledgeQueries.ListItem]
    let total: Int
    let options: Options
    let reference: ReferenceData
    let canCreate: Bool
    /// The reader belongs to pledging entities, so "only my pledges" means something.
    var hasEntities = false

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let pages = max(1, (total + PledgeFilter.pageSize - 1) / PledgeFilter.pageSize)
        return Page(
            title: t[.pledgesTitle],
            content: """
                \(canCreate ? "<p><a class=\"button\" href=\"/pledges/new\">\(t[.newPledgeButton])</a></p>" as HTML : .empty)
                \(filters(t))
                \(FormViews.ignoredFilters(filter.ignored, t))
                <p role="status">\(t.format(.pledgesFound, numbers: ["count": total]))</p>
                \(items.isEmpty ? "<p>\(t[.noPledgesMatch])</p>" as HTML : table(context))
                \(pager(pages, t))
                \(items.isEmpty ? .empty : download(t))
                <h2 id="status-rule">\(t[.statusRuleHeading])</h2>
                <p>\(t[.statusRule])</p>
                """)
    }

    private func filters(_ t: Strings) -> HTML {
        func select(_ name: String, _ label: Strings.Key, _ options: [(String, String, Bool)]) -> HTML {
            FormViews.select(name, label: t[label], options: options, blank: t[.anyOption], t)
        }
        let f = filter
        return FormViews.filterPanel(
            active: f.activeCount, t,
            """
            <form method="get" action="/pledges" class="filters" aria-label="\(t[.filtersLabel])">
            \(FormViews.field("q", label: t[.searchLabel], value: f.query, type: "search", required: false, t))
            \(FormViews.select("country", label: t[.fieldCountry], rendered: options.countries.html(selected: f.country), blank: t[.anyOption]))
            \(FormViews.select("region", label: t[.fieldRegion], rendered: options.regions.html(selected: f.region), blank: t[.anyOption]))
            \(FormViews.select("entity", label: t[.fieldEntity], rendered: options.entities.html(selected: f.entity.map(String.init)), blank: t[.anyOption]))
            \(select("kind", .fieldEntityKind, EntityKind.options(t, selected: f.entityKind.map { [$0] } ?? [])))
            \(select("pledge_kind", .fieldKind, PledgeKind.options(t, selected: f.pledgeKind.map { [$0] } ?? [])))
            \(select("measure", .fieldMeasure, reference.measures.map { (String($0.number), "\($0.number). \($0.title)", $0.number == f.measure) }))
            \(select("sdg", .fieldSDGTarget, reference.targets.map { ($0.code, t.format(.sdgTargetShort, ["code": $0.code]), $0.code == f.target) }))
            \(select("gcm", .fieldGCMAction, reference.actions.map { ($0.letter, t.format(.gcmActionShort, ["letter": $0.letter]), $0.letter == f.action) }))
            \(select("status", .fieldStatus, PledgeStatus.options(t, selected: f.status.map { [$0] } ?? [])))
            \(select("stage", .fieldStage, Stage.options(t, selected: f.stage.map { [$0] } ?? [])))
            \(FormViews.field("from", label: t[.periodFrom], value: f.from?.iso ?? "", type: "date", required: false, t))
            \(FormViews.field("to", label: t[.periodTo], value: f.to?.iso ?? "", type: "date", required: false, t))
            \(FormViews.select("sort", label: t[.sortLabel], options: PledgeFilter.Sort.allCases.map { ($0.rawValue, t[Self.sortKey($0)], $0 == f.sort) }, t))
            <div class="checkbox"><input type="checkbox" id="overdue" name="overdue" value="1"\(if: f.overdue, " checked")><label for="overdue">\(t[.overdueOnly])</label></div>
            <div class="checkbox"><input type="checkbox" id="stale" name="stale" value="1"\(if: f.stale, " checked")><label for="stale">\(t[.staleOnly])</label></div>
            \(hasEntities || f.mine ? "<div class=\"checkbox\"><input type=\"checkbox\" id=\"mine\" name=\"mine\" value=\"1\"\(if: f.mine, " checked")><label for=\"mine\">\(t[.myPledgesOnly])</label></div>" as HTML : .empty)
            \(select("validation", .fieldValidation, [ValidationState.pending, .sentBack].map { ($0.rawValue, t[$0.label], $0 == f.validation) }))
            \(FormViews.button(t[.filterButton]))
            <a href="/pledges">\(t[.clearFilters])</a>
            </form>
            """)
    }

    private func table(_ context: PageContext) -> HTML {
        let t = context.strings
        let rows = items.map { p -> HTML in
            // In one <span>: on a phone the cell is a flex row, which would space out each name.
            let named = Bidi.list(p.countries.prefix(3), context.language)
            let countries: HTML =
                p.countries.count > 3 ? "\(named) \(t.format(.andMore, numbers: ["count": p.countries.count - 3]))" : named
            return """
                <tr><th scope="row">\(Bidi.link("/pledges/\(p.id)", p.title))\(if: p.restricted, " <span class=\"badge\">\(t[.visibilityRestricted])</span>")</th>
                <td data-label="\(t[.fieldOwner])">\(Bidi.isolate(p.owner))</td><td data-label="\(t[.fieldCountries])"><span>\(countries)</span></td>
                <td data-label="\(t[.fieldStatus])">\(PledgeViews.statusBadge(p.status, t))</td>
                <td data-label="\(t[.fieldStage])">\(p.stage.map { t[$0.label] } ?? "—")</td>
                <td data-label="\(t[.milestonesHeading])"><span>\(Share.milestonesDone(p.milestonesDone, of: p.milestonesTotal, t))\(p.overdue > 0 ? " <span class=\"badge badge-bad\">\(t.format(.overdueCount, numbers: ["count": p.overdue]))</span>" as HTML : .empty)</span></td>
                <td data-label="\(t[.lastUpdate])">\(Formatting.date(p.lastActivity, context.language))</td></tr>
                """
        }
        return """
            <table class="pledges"><caption class="visually-hidden">\(t[.pledgesTitle])</caption>
            <thead><tr><th scope="col">\(t[.fieldTitle])</th><th scope="col">\(t[.fieldOwner])</th><th scope="col">\(t[.fieldCountries])</th>
            <th scope="col">\(t[.fieldStatus])</th><th scope="col">\(t[.fieldStage])</th><th scope="col">\(t[.milestonesHeading])</th>
            <th scope="col">\(t[.lastUpdate])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    /// "Download these pledges": the report's downloads with the filters a report applies (the
    /// search, stage, overdue, stale, mine and validation choices are the list's own, and said so).
    private func download(_ t: Strings) -> HTML {
        let query = filter.reportQueryString
        let links = [ReportFormat.pledgesCSV, .xlsx].map { format -> HTML in
            "<li><a href=\"/reports/download?format=\(format.rawValue)\(query.isEmpty ? "" : "&" + query)\">\(t[format.label])</a></li>"
        }
        return """
            <section class="download" aria-labelledby="download-heading"><h2 id="download-heading">\(t[.downloadListHeading])</h2>
            <ul class="plain">\(links)</ul>
            \(filter.hasListOnlyFilters ? "<p class=\"hint\">\(t[.downloadListNotAllFilters])</p>" as HTML : .empty)</section>
            """
    }

    private func pager(_ pages: Int, _ t: Strings) -> HTML {
        guard pages > 1 else { return .empty }
        let previous: HTML =
            filter.page > 1
            ? "<a rel=\"prev\" href=\"/pledges?\(filter.queryString(page: filter.page - 1))\">\(t[.previousPage])</a>" : .empty
        let next: HTML =
            filter.page < pages
            ? "<a rel=\"next\" href=\"/pledges?\(filter.queryString(page: filter.page + 1))\">\(t[.nextPage])</a>" : .empty
        return
            "<nav class=\"pager\" aria-label=\"\(t[.pagination])\">\(previous)<span>\(t.format(.pageOf, numbers: ["page": filter.page, "pages": pages]))</span>\(next)</nav>"
    }

    static func sortKey(_ sort: PledgeFilter.Sort) -> Strings.Key {
        switch sort {
        case .recent: .sortRecent
        case .title: .sortTitle
        case .target: .sortTarget
        }
    }
}
