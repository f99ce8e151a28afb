import Hummingbird
import Logging

/// Logs each request's method and address, like Hummingbird's `LogRequestsMiddleware`, but
/// with the secret part of one-time links (`/invite/{token}`, `/join/{token}`) replaced: a
/// log must not let its reader set someone's password or join a survivor panel. Bodies,
/// and so anything a person typed, are never logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let secretPrefixes = ["/invite/", "/join/"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.logger.info("Request", metadata: [
            "hb.request.path": .string(Self.redacted(request.uri.description)),
            "hb.request.method": .string(request.method.rawValue),
        ])
        return try await next(request, context)
    }

    /// The address with a one-time token replaced by "[redacted]".
    static func redacted(_ uri: String) -> String {
        for prefix in secretPrefixes where uri.hasPrefix(prefix) {
            return prefix + "[redacted]"
        }
        return uri
    }
}
