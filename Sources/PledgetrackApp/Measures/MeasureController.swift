import Database
import Hummingbird

/// The home page (with the headline figures, cached like the dashboards) and the measures:
/// `/`, `/measures`, `/measures/{number}`.
struct MeasureController {
    let pool: ConnectionPool
    let reference: ReferenceDataStore
    let cache: PageCache

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/", .everyone, home)
        routes.get("/measures", .everyone, list)
        routes.get("/measures/{number}", .everyone, show)
    }

    /// The home page shows the headline figures, so it is cached like the dashboards.
    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let data = try await reference.get(pool, context.readerLanguage)
        let pageContext = request.pageContext(context)
        let t = pageContext.strings
        let seesRestricted = PledgeAccess.seesRestricted(context.user)
        let key = PageCache.Key(path: "/", seesRestricted: seesRestricted, language: t.language, day: AppClock.today)
        let page = try await cache.page(key, wrote: context.wrote) { [pool] in
            try await pool.withConnection { connection in
                let everything = PledgeFilter()
                return HomePage(
                    reference: data, total: try DashboardQueries.total(everything, seesRestricted: seesRestricted, on: connection),
                    headline: try DashboardQueries.headline(everything, seesRestricted: seesRestricted, on: connection),
                    seesRestricted: seesRestricted
                ).page(t)
            }
        }
        return HTMLResponse(page: page, context: pageContext)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let data = try await reference.get(pool, context.readerLanguage)
        let page = request.pageContext(context)
        return HTMLResponse(page: MeasuresPage(reference: data).page(page.strings), context: page)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        // Anything but a measure number (1-20) is a page that does not exist.
        guard let number = context.intParameter("number") else { throw HTTPError(.notFound) }
        let data = try await reference.get(pool, context.readerLanguage)
        guard let measure = data.measure(number) else { throw HTTPError(.notFound) }
        let page = request.pageContext(context)
        return HTMLResponse(page: MeasurePage(measure: measure, reference: data).page(page.strings), context: page)
    }
}
