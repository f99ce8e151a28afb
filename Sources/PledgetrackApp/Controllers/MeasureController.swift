import Database
import Hummingbird

/// The home page and the measures: `/`, `/measures`, `/measures/{number}`.
struct MeasureController {
    let db: ConnectionPool
    let reference: ReferenceDataStore

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/", .everyone, home)
        routes.get("/measures", .everyone, list)
        routes.get("/measures/{number}", .everyone, show)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let data = try await reference.get(db)
        let page = request.pageContext(context)
        return HTMLResponse(page: HomePage(reference: data).page(page.strings), context: page)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let data = try await reference.get(db)
        let page = request.pageContext(context)
        return HTMLResponse(page: MeasuresPage(reference: data).page(page.strings), context: page)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        // Anything but a measure number (1-20) is a page that does not exist.
        guard let number = context.parameters.get("number").flatMap({ Int($0) }) else { throw HTTPError(.notFound) }
        let data = try await reference.get(db)
        guard let measure = data.measure(number) else { throw HTTPError(.notFound) }
        let page = request.pageContext(context)
        return HTMLResponse(page: MeasurePage(measure: measure, reference: data).page(page.strings), context: page)
    }
}
