import HTTPTypes
import Hummingbird

/// Headers every response carries: no inline script or framing, no MIME sniffing, no
/// referrer leaking to other sites.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
    ].joined(separator: "; ")

    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[Self.referrerPolicy] == nil {  // survivor pages set no-referrer
            response.headers[Self.referrerPolicy] = "strict-origin-when-cross-origin"
        }
        return response
    }
}
