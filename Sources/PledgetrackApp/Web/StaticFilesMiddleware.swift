import Hummingbird
import Logging

/// Serves `Public/` under `/static/` and answers those paths itself: a static file never
/// goes through the session lookup or the routes. (Hummingbird's FileMiddleware serves a file
/// only when the rest of the chain throws "not found"; here that rest is a stub that does.)
struct StaticFilesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let prefix = "/static/"
    let files: FileMiddleware<Context, LocalFileSystem>

    init(folder: String, logger: Logger) {
        files = FileMiddleware(
            folder, urlBasePath: "/static",
            cacheControl: .init([(.init(type: .any), [.public, .maxAge(86_400)])]),
            logger: logger)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.prefix) else { return try await next(request, context) }
        return try await files.handle(request, context: context) { _, _ in throw HTTPError(.notFound) }
    }
}
