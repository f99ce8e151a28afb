import Foundation
import Hummingbird

/// Refuses an address whose query holds a NUL character (`%00`) with 400: no filter can mean
/// one, and PostgreSQL text cannot store one, so it would otherwise fail deep in a query as a
/// 500. (Form bodies get the same answer from `FormData`.) Found by `scripts/faults.py`.
struct QueryCheckMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let query = request.uri.query, query.range(of: "%00", options: .caseInsensitive) != nil || query.utf8.contains(0) {
            throw HTTPError(.badRequest)
        }
        return try await next(request, context)
    }
}
