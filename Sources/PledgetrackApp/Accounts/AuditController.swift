import Database
import Foundation
import Hummingbird

/// `/admin/audit`: the audit log, newest first, filtered by action, person and period.
struct AuditController {
    let pool: ConnectionPool

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/admin/audit", .roles([.admin]), list)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let query = request.uri.queryParameters
        let filter = AuditPage.Filter(
            action: query["action"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "",
            actor: query["actor"].map(String.init)?.trimmingCharacters(in: .whitespaces).lowercased() ?? "",
            from: query["from"].flatMap { CalendarDate(iso: $0) },
            to: query["to"].flatMap { CalendarDate(iso: $0) },
            before: query["before"].flatMap { Int($0) })
        let events = try await pool.withConnection { connection in try AccountQueries.auditEvents(filter, on: connection) }
        let page = AuditPage(filter: filter, events: Array(events.prefix(AuditPage.pageSize)), hasMore: events.count > AuditPage.pageSize)
        return HTMLResponse(page, request, context)
    }
}
