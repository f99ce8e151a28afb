import Database
import Foundation
import Hummingbird
import Markup

/// The progress dashboards under `/dashboards`: overview, by State (and one country), by
/// measure (and one measure), by SDG (and one target), by GCM action, and the State × measure
/// matrix. Everyone may read them; restricted pledges count only for staff (the same rule as
/// the pledge list, `PledgeAccess.seesRestricted`), so each page is built once per audience.
struct DashboardController {
    let pool: ConnectionPool
    let reference: ReferenceDataStore
    let cache: PageCache

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/dashboards", .everyone, overview)
        routes.get("/dashboards/states", .everyone, states)
        routes.get("/dashboards/states/{iso3}", .everyone, country)
        routes.get("/dashboards/measures", .everyone, measures)
        routes.get("/dashboards/measures/{number}", .everyone, measure)
        routes.get("/dashboards/sdgs", .everyone, sdgs)
        routes.get("/dashboards/sdgs/{code}", .everyone, target)
        routes.get("/dashboards/gcm", .everyone, gcm)
        routes.get("/dashboards/matrix", .everyone, matrix)
    }

    /// What a page's builder gets: the filters, the reference data, the audience, the words.
    struct Build: Sendable {
        let filter: DashboardFilter
        let reference: ReferenceData
        let seesRestricted: Bool
        let t: Strings
        let today: CalendarDate
        let asOf = Date()
    }

    /// Reads the filters, then answers from the cache, or builds the page with one connection
    /// when the data changed since it was last built. `variant` names anything else the page
    /// depends on (a sort order).
    private func respond(
        _ request: Request, _ context: AppRequestContext, keep: [(String, String)] = [],
        _ build: @escaping @Sendable (Build, Connection) throws -> Page
    ) async throws -> Response {
        let data = try await reference.get(pool, context.readerLanguage)
        let query = request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) }
        let pageContext = request.pageContext(context)
        let input = Build(
            filter: DashboardFilter(query, reference: data), reference: data,
            seesRestricted: PledgeAccess.seesRestricted(context.user), t: pageContext.strings, today: AppClock.today)
        // The filter form sends its empty fields too: answer with the short address to bookmark.
        if input.filter.ignored.isEmpty, query.contains(where: { DashboardFilter.parameters.contains($0.key) && $0.value.isEmpty }) {
            return .redirect(to: request.uri.path + input.filter.query(keep), type: .normal)
        }
        let key = PageCache.Key(
            path: request.uri.path, [input.filter.query(keep), input.filter.ignored.map(\.rawValue).joined(separator: ",")],
            seesRestricted: input.seesRestricted, language: pageContext.language, day: input.today)
        let page = try await cache.page(key, wrote: context.wrote) { [pool] in
            try await pool.withConnection { connection in try build(input, connection) }
        }
        return try HTMLResponse(page: page, context: pageContext).response(from: request, context: context)
    }

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await respond(request, context) { b, connection in
            let f = b.filter.pledgeFilter()
            let (from, to) = OverviewDashboardPage.chartPeriod(b.filter, today: b.today)
            return OverviewDashboardPage(
                filter: b.filter, reference: b.reference, seesRestricted: b.seesRestricted, asOf: b.asOf,
                total: try DashboardQueries.total(f, seesRestricted: b.seesRestricted, on: connection),
                headline: try DashboardQueries.headline(f, seesRestricted: b.seesRestricted, on: connection),
                milestones: try DashboardQueries.milestonesByStageAndStatus(f, seesRestricted: b.seesRestricted, on: connection),
                months: try DashboardQueries.completedByMonth(f, from: from, to: to, seesRestricted: b.seesRestricted, on: connection)
            ).page(b.t)
        }
    }

    @Sendable func states(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sort = request.uri.queryParameters.get("sort").flatMap(StatesDashboardPage.Sort.init(rawValue:)) ?? .region
        return try await respond(request, context, keep: sort == .region ? [] : [("sort", sort.rawValue)]) { b, connection in
            StatesDashboardPage(
                filter: b.filter, sort: sort, reference: b.reference, seesRestricted: b.seesRestricted, asOf: b.asOf,
                byCountry: try DashboardQueries.breakdown(
                    .country, b.filter.pledgeFilter(), seesRestricted: b.seesRestricted, on: connection)
            ).page(b.t)
        }
    }

    @Sendable func country(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await reference.get(pool, context.readerLanguage)
        guard let country = context.parameters.get("iso3").flatMap({ data.country($0.uppercased()) }) else { throw HTTPError(.notFound) }
        return try await respond(request, context) { b, connection in
            let t = b.t
            let f = b.filter.pledgeFilter { $0.country = country.iso3 }
            let byMeasure = try DashboardQueries.breakdown(.measure, f, seesRestricted: b.seesRestricted, on: connection)
            let byTarget = try DashboardQueries.breakdown(.target, f, seesRestricted: b.seesRestricted, on: connection)
            let covered = b.reference.measures.filter { (byMeasure[String($0.number)]?.pledges ?? 0) > 0 }.count
            let region = [country.regionCode, country.subRegionCode].compactMap { $0.flatMap { b.reference.region($0)?.name } }.joined(
                separator: " › ")
            return try subjectPage(
                b, f, on: connection, path: request.uri.path,
                title: country.name,
                parent: ("/dashboards/states", .dashStatesTitle), navigationPath: "/dashboards/states",
                intro: DashboardViews.lead(region),
                breakdowns: [
                    .init(
                        id: "measures", heading: t[.dashMeasuresCovered], rowHeading: t[.fieldMeasure],
                        rows: b.reference.measures.map { m in
                            ("\(m.number). \(m.title)", "/dashboards/measures/\(m.number)" + b.filter.query(), byMeasure[String(m.number)])
                        },
                        summary: t.format(.dashCoveredSummary, numbers: ["covered": covered, "missing": 20 - covered])),
                    .init(
                        id: "targets", heading: t[.dashSDGTargets], rowHeading: t[.fieldSDGTarget],
                        rows: b.reference.targets.map { x in
                            (
                                t.format(.sdgTargetShort, ["code": x.code]) + " " + x.title,
                                "/dashboards/sdgs/\(x.code)" + b.filter.query(), byTarget[x.code]
                            )
                        },
                        summary: nil),
                ])
        }
    }

    @Sendable func measures(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await respond(request, context) { b, connection in
            MeasuresDashboardPage(
                filter: b.filter, reference: b.reference, seesRestricted: b.seesRestricted, asOf: b.asOf,
                byMeasure: try DashboardQueries.breakdown(
                    .measure, b.filter.pledgeFilter(), seesRestricted: b.seesRestricted, on: connection)
            ).page(b.t)
        }
    }

    @Sendable func measure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await reference.get(pool, context.readerLanguage)
        guard let measure = context.intParameter("number").flatMap({ data.measure($0) }) else {
            throw HTTPError(.notFound)
        }
        return try await respond(request, context) { b, connection in
            let t = b.t
            let f = b.filter.pledgeFilter { $0.measure = measure.number }
            let byCountry = try DashboardQueries.breakdown(.country, f, seesRestricted: b.seesRestricted, on: connection)
            let theme = b.reference.theme(of: measure)?.title ?? ""
            return try subjectPage(
                b, f, on: connection, path: request.uri.path,
                title: t.format(.dashMeasureTitle, ["title": measure.title], numbers: ["number": measure.number]),
                parent: ("/dashboards/measures", .dashMeasuresTitle), navigationPath: "/dashboards/measures",
                intro: """
                    <p class="lead">\(measure.summary)</p>
                    <p>\(t[.measureTheme]): \(theme). <a href="/measures/\(measure.number)">\(t[.dashAboutMeasure])</a></p>
                    """,
                breakdowns: [countryBreakdown(b, byCountry)],
                appendix: measure.number == 18 ? try Self.survivorFeedback(t, on: connection) : .empty)
        }
    }

    /// Measure 18's own section: published feedback counted (no text), and the texts whose
    /// authors chose "public": the same for every reader, so it is cached with the page.
    private static func survivorFeedback(_ t: Strings, on connection: Connection) throws -> HTML {
        FeedbackDashboardSection(
            counts: try FeedbackQueries.counts(visibleTo: nil, on: connection),
            latest: try FeedbackQueries.publicItems(limit: 10, on: connection)
        ).html(t)
    }

    @Sendable func sdgs(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await respond(request, context) { b, connection in
            SDGDashboardPage(
                kind: .sdgs, filter: b.filter, reference: b.reference, seesRestricted: b.seesRestricted, asOf: b.asOf,
                tallies: try DashboardQueries.breakdown(.target, b.filter.pledgeFilter(), seesRestricted: b.seesRestricted, on: connection)
            ).page(b.t)
        }
    }

    @Sendable func target(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await reference.get(pool, context.readerLanguage)
        guard let target = context.parameters.get("code").flatMap({ data.target($0) }) else { throw HTTPError(.notFound) }
        return try await respond(request, context) { b, connection in
            let t = b.t
            let f = b.filter.pledgeFilter { $0.target = target.code }
            let byMeasure = try DashboardQueries.breakdown(.measure, f, seesRestricted: b.seesRestricted, on: connection)
            let byCountry = try DashboardQueries.breakdown(.country, f, seesRestricted: b.seesRestricted, on: connection)
            let answering = Set(b.reference.measures.filter { $0.targetCodes.contains(target.code) }.map(\.number))
            return try subjectPage(
                b, f, on: connection, path: request.uri.path,
                title: t.format(.dashTargetTitle, ["code": target.code]),
                parent: ("/dashboards/sdgs", .dashSDGsTitle), navigationPath: "/dashboards/sdgs",
                intro: """
                    <p class="lead">\(target.title)</p>
                    <p>\(t.format(.dashGoal, numbers: ["number": target.goalNumber]))\(t.colon)\(target.goalTitle)</p>
                    """,
                breakdowns: [
                    .init(
                        id: "measures", heading: t[.dashTargetMeasures], rowHeading: t[.fieldMeasure],
                        rows: b.reference.measures.filter { answering.contains($0.number) || byMeasure[String($0.number)] != nil }.map {
                            m in
                            ("\(m.number). \(m.title)", "/dashboards/measures/\(m.number)" + b.filter.query(), byMeasure[String(m.number)])
                        },
                        summary: t[.dashTargetMeasuresHint]),
                    countryBreakdown(b, byCountry),
                ])
        }
    }

    @Sendable func gcm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await respond(request, context) { b, connection in
            SDGDashboardPage(
                kind: .gcm, filter: b.filter, reference: b.reference, seesRestricted: b.seesRestricted, asOf: b.asOf,
                tallies: try DashboardQueries.breakdown(.action, b.filter.pledgeFilter(), seesRestricted: b.seesRestricted, on: connection)
            ).page(b.t)
        }
    }

    @Sendable func matrix(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await respond(request, context) { b, connection in
            MatrixDashboardPage(
                filter: b.filter, reference: b.reference, seesRestricted: b.seesRestricted, asOf: b.asOf,
                cells: try DashboardQueries.breakdown(
                    .countryAndMeasure, b.filter.pledgeFilter(), seesRestricted: b.seesRestricted, on: connection)
            ).page(b.t)
        }
    }

    // MARK: Helpers

    /// The countries with pledges in a breakdown, by name.
    private func countryBreakdown(_ b: Build, _ byCountry: [String: Tally]) -> SubjectDashboardPage.Breakdown {
        .init(
            id: "countries", heading: b.t[.dashCountriesHeading], rowHeading: b.t[.fieldCountry],
            rows: b.reference.countries.filter { byCountry[$0.iso3] != nil }.map { c in
                (c.name, "/dashboards/states/\(c.iso3)" + b.filter.query(), byCountry[c.iso3])
            },
            summary: nil)
    }

    /// A country's, measure's or target's page: its tally, breakdowns, pledges, overdue milestones and changes.
    private func subjectPage(
        _ b: Build, _ f: PledgeFilter, on connection: Connection, path: String, title: String, parent: (String, Strings.Key),
        navigationPath: String,
        intro: HTML, breakdowns: [SubjectDashboardPage.Breakdown], appendix: HTML = .empty
    ) throws -> Page {
        SubjectDashboardPage(
            title: title, crumbs: DashboardViews.crumbs(b.t, b.filter, parent: parent), path: path, navigationPath: navigationPath,
            intro: intro, filter: b.filter, reference: b.reference, seesRestricted: b.seesRestricted, asOf: b.asOf,
            total: try DashboardQueries.total(f, seesRestricted: b.seesRestricted, on: connection),
            breakdowns: breakdowns,
            pledges: try PledgeQueries.items(f, seesRestricted: b.seesRestricted, language: b.t.language, on: connection),
            pledgesLink: "/pledges?" + f.queryString(), scope: f,
            overdue: try DashboardQueries.overdueMilestones(f, seesRestricted: b.seesRestricted, language: b.t.language, on: connection),
            changes: try DashboardQueries.recentChanges(f, seesRestricted: b.seesRestricted, language: b.t.language, on: connection),
            appendix: appendix
        ).page(b.t)
    }
}
