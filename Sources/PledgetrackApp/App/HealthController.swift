import Database
import HTTPTypes
import Hummingbird
import Prometheus

/// `/healthz`: the process is up. `/readyz`: the database is reachable and migrated (503
/// with the reason otherwise). `/metrics`: Prometheus's text format (`AppMetrics`). Plain
/// text, for load balancers, orchestrators and scrapers. `/metrics` wants `METRICS_TOKEN` as
/// a bearer token; without one configured it answers only the machine itself, asking directly
/// (nginx keeps it off the internet as well, and the Kubernetes set has no nginx).
struct HealthController {
    let pool: ConnectionPool
    let readiness: Readiness
    let metricsToken: String?

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/healthz", .everyone, healthz)
        routes.get("/readyz", .everyone, readyz)
        routes.get("/metrics", .everyone, metrics)
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) -> Response {
        guard Self.mayScrape(request, context, token: metricsToken) else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer realm=\"metrics\""
            headers[.cacheControl] = "no-store"
            return Response(
                status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "a metrics token is needed\n")))
        }
        AppMetrics.record(pool.statistics)
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
            try await Readiness.ping(pool)
            return text(.ok, "ready\n")
        } catch let error as DatabaseError {
            return text(.serviceUnavailable, "not ready: database \(error.kind)\n")
        } catch {
            return text(.serviceUnavailable, "not ready\n")
        }
    }

    /// With a token configured: the request carries it (compared in constant time). Without:
    /// the peer is a loopback address and no proxy forwarded the request.
    static func mayScrape(_ request: Request, _ context: AppRequestContext, token: String?) -> Bool {
        if let token {
            guard let given = request.headers[.authorization], given.hasPrefix("Bearer ") else { return false }
            let a = Array(given.dropFirst(7).utf8), b = Array(token.utf8)
            guard a.count == b.count else { return false }
            return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
        guard request.headers[HTTPField.Name("X-Forwarded-For")!] == nil, let peer = context.remoteAddress?.ipAddress else { return false }
        return peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("127.") || peer == "::ffff:127.0.0.1"
    }

    private func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
