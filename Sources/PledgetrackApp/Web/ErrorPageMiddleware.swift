import Database
import Hummingbird
import Logging

/// Turns every error a handler throws into a page a person can read, with the right status:
/// 400 and 404 say what to check, 503 says the database is away, anything else is a 500
/// that is logged in full and shows only the request id.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Where signed-in people's denials (403) are written to the audit log; nil before the session is known.
    var auditTo: ConnectionPool? = nil

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (kind, status) = classify(error, context.logger)
            if status == .forbidden, let pool = auditTo {
                if context.session == nil {
                    AppMetrics.anonymousDenial("access.denied")
                } else {
                    await recordDenial(request, context, pool)
                }
            }
            let pageContext = request.pageContext(context)
            let page = ErrorPage(kind: kind, requestID: context.id).page(pageContext.strings)
            var response = try HTMLResponse(status: status, page: page, context: pageContext)
                .response(from: request, context: context)
            if status == .serviceUnavailable { response.headers[.retryAfter] = "30" }
            return response
        }
    }

    /// Every refusal of a signed-in person is audited: who, what, from where (a visitor's are
    /// counted in the metrics instead). A failure to write it is logged and
    /// does not change the answer.
    private func recordDenial(_ request: Request, _ context: Context, _ pool: ConnectionPool) async {
        let event = AuditEvent(
            "access.denied", actorID: context.session?.user.id,
            detail: ["method": request.method.rawValue, "path": String(request.uri.path.prefix(200))])
        let origin = context.origin
        do {
            try await pool.withConnection { connection in try Audit.record(event, origin, on: connection) }
        } catch {
            context.logger.error("could not audit a denial", metadata: ["error": "\(error)"])
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
