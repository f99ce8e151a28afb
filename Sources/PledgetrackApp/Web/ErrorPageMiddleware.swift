import Database
import Hummingbird
import Logging

/// Turns every error a handler throws into a page a person can read, with the right status:
/// 400 and 404 say what to check, 503 says the database is away, anything else is a 500
/// that is logged in full and shows only the request id.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (kind, status) = classify(error, context.logger)
            let pageContext = request.pageContext(context)
            let page = ErrorPage(kind: kind, requestID: context.id).page(pageContext.strings)
            var response = try HTMLResponse(status: status, page: page, context: pageContext)
                .response(from: request, context: context)
            if status == .serviceUnavailable { response.headers[.retryAfter] = "30" }
            return response
        }
    }

    private func classify(_ error: any Error, _ logger: Logger) -> (ErrorPage.Kind, HTTPResponse.Status) {
        if let error = error as? any HTTPResponseError {
            switch error.status {
            case .notFound: return (.notFound, .notFound)
            case .forbidden: return (.forbidden, .forbidden)
            case .contentTooLarge: return (.tooLarge, .contentTooLarge)
            case .serviceUnavailable: return (.unavailable, .serviceUnavailable)
            case let status where (400..<500).contains(status.code): return (.badRequest, status)
            default: break
            }
        }
        if let error = error as? DatabaseError, error.isUnavailable {
            logger.warning("database unavailable", metadata: ["error": "\(error)"])
            return (.unavailable, .serviceUnavailable)
        }
        logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
        return (.serverError, .internalServerError)
    }
}
