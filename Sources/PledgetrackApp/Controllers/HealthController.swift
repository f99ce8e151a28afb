import Database
import Hummingbird
import Prometheus

/// `/healthz`: the process is up. `/readyz`: the database is reachable and migrated (503
/// with the reason otherwise). `/metrics`: Prometheus's text format (`AppMetrics`). Plain
/// text, for load balancers, orchestrators and scrapers; nginx keeps `/metrics` off the internet.
struct HealthController {
    let db: ConnectionPool
    let readiness: Readiness

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/healthz", .everyone, healthz)
        routes.get("/readyz", .everyone, readyz)
        routes.get("/metrics", .everyone, metrics)
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) -> Response {
        AppMetrics.record(db.statistics)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: AppMetrics.registry.emitToBuffer())))
    }

    @Sendable func healthz(_ request: Request, context: AppRequestContext) -> Response {
        text(.ok, "ok\n")
    }

    @Sendable func readyz(_ request: Request, context: AppRequestContext) async -> Response {
        if case .migrating(let reason) = readiness.current {
            return text(.serviceUnavailable, "not ready: \(reason)\n")
        }
        do {
            _ = try await db.queryValue("SELECT 1", as: Int.self)
            return text(.ok, "ready\n")
        } catch let error as DatabaseError {
            return text(.serviceUnavailable, "not ready: database \(error.kind)\n")
        } catch {
            return text(.serviceUnavailable, "not ready\n")
        }
    }

    private func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
