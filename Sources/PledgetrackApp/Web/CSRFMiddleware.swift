import Foundation
import HTTPTypes
import Hummingbird

/// Every state-changing request must come from one of our own pages: the browser must not
/// say it is cross-site (`Sec-Fetch-Site`, `Origin`), and the form must carry the token of
/// the session (or, before sign-in, of the anonymous CSRF cookie). GET never changes anything.
/// Also reads the form, so handlers get it parsed and never see an unchecked one.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        if let site, site != "same-origin", site != "none" {
            throw HTTPError(.forbidden)
        }
        // Survivor pages are sent with `Referrer-Policy: no-referrer`, so their forms post
        // `Origin: null`; the browser's own `Sec-Fetch-Site: same-origin` vouches for those.
        if let origin = request.headers[.origin], !(origin == "null" && site == "same-origin"),
            !Self.isSameOrigin(origin, host: request.head.authority)
        {
            throw HTTPError(.forbidden)
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw HTTPError(.unsupportedMediaType)
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self),
            let form = FormData(urlEncoded: text)
        else { throw HTTPError(.badRequest) }
        let expected = context.csrfToken
        guard !expected.isEmpty, context.session != nil || context.anonymousCSRF?.isNew == false,
            Self.constantTimeEquals(form.string("csrf_token"), expected)
        else { throw HTTPError(.forbidden) }
        var context = context
        context.form = form
        return try await next(request, context)
    }

    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), let originHost = url.host else { return false }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority.lowercased() == host.lowercased()
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
