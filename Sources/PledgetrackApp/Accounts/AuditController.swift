import Database
import Foundation
import Hummingbird

/// `/admin/audit`: the audit log, newest first, filtered by action, person and period.
struct AuditController {
    let db: ConnectionPool

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
        var conditions: [SQL] = ["true"]
        if !filter.action.isEmpty { conditions.append("a.action LIKE \(filter.action + "%")") }
        if !filter.actor.isEmpty { conditions.append("u.email = \(filter.actor)") }
        if let from = filter.from { conditions.append("a.at >= \(from)::date") }
        if let to = filter.to { conditions.append("a.at < \(to)::date + 1") }
        if let before = filter.before { conditions.append("a.id < \(before)") }
        let events = try await db.query(
            """
            SELECT a.id, a.at, COALESCE(CASE WHEN u.pseudonym IS NULL THEN u.email END, u.display_name), a.action, a.target_type, a.target_id, a.request_id, a.client_address, a.detail::text
            FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id
            WHERE \(SQL.join(conditions, separator: " AND "))
            ORDER BY a.id DESC
            LIMIT \(AuditPage.pageSize + 1)
            """
        ) { row in
            AuditPage.Event(
                id: try row.decode(0), at: try row.decode(1), actor: try row.decode(2), action: try row.decode(3),
                targetType: try row.decode(4), targetID: try row.decode(5), requestID: try row.decode(6),
                client: try row.decode(7), detail: try row.decode(8))
        }
        let pageContext = request.pageContext(context)
        let page = AuditPage(filter: filter, events: Array(events.prefix(AuditPage.pageSize)), hasMore: events.count > AuditPage.pageSize)
        return HTMLResponse(page: page.page(pageContext), context: pageContext)
    }
}
