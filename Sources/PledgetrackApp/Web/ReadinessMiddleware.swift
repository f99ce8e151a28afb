import Hummingbird

/// Until the migrations have run, pages answer 503 "temporarily unavailable" instead of
/// failing on tables that do not exist yet. Health checks and static files pass.
struct ReadinessMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let readiness: Readiness

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if readiness.isReady || path == "/healthz" || path == "/readyz" || path.hasPrefix("/static/") {
            return try await next(request, context)
        }
        throw HTTPError(.serviceUnavailable)
    }
}
