import Hummingbird
import Logging

/// Logs each request's method and path, like Hummingbird's `LogRequestsMiddleware`, but
/// with the secret part of one-time links (`/invite/{token}`, `/join/{token}`) replaced: a
/// log must not let its reader set someone's password or join a survivor panel. Neither the
/// query string (search words, an e-mail address in the audit log's filter) nor a body, and
/// so nothing a person typed, is ever logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let secretPrefixes = ["/invite/", "/join/"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.logger.info(
            "Request",
            metadata: [
                "hb.request.path": .string(Self.redacted(request.uri.description)),
                "hb.request.method": .string(request.method.rawValue),
            ])
        return try await next(request, context)
    }

    /// The path without its query, a one-time token replaced by "[redacted]".
    static func redacted(_ uri: String) -> String {
        let path = String(uri.prefix { $0 != "?" })
        for prefix in secretPrefixes where path.hasPrefix(prefix) {
            return prefix + "[redacted]"
        }
        return path
    }
}
