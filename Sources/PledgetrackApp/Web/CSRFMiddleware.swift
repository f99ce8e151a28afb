import Foundation
import HTTPTypes
import Hummingbird

/// Every state-changing request must come from one of our own pages: the browser must not
/// say it is cross-site (`Sec-Fetch-Site`, `Origin`), and the form must carry the token of
/// the session (or, before sign-in, of the anonymous CSRF cookie), in the masked form a page
/// carries (`CSRFToken`). GET never changes anything. Also reads the form, so handlers get it
/// parsed and never see an unchecked one.
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
            CSRFToken.matches(form.string("csrf_token"), expected)
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
}

/// The CSRF token as pages carry it: masked afresh for every response, so that no two pages
/// hold the same bytes for it and a compressed page does not reveal it to someone who can
/// put guesses beside it and watch the length (BREACH). The masked form is a random pad
/// followed by the pad XOR the token, base64url: twice the token's length in bytes.
/// The raw token is never written into a page, and a form carrying it is refused.
enum CSRFToken {
    /// A fresh masked form of `token`; empty for no token.
    static func mask(_ token: String) -> String {
        guard !token.isEmpty else { return "" }
        let plain = Array(token.utf8)
        var generator = SystemRandomNumberGenerator()
        let pad = plain.map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64url(pad + zip(pad, plain).map { $0 ^ $1 })
    }

    /// The token behind a masked form; nil when it is not one.
    static func unmask(_ masked: String) -> [UInt8]? {
        guard masked.utf8.count <= 512, let bytes = decodeBase64url(masked), !bytes.isEmpty, bytes.count.isMultiple(of: 2) else {
            return nil
        }
        let half = bytes.count / 2
        return (0..<half).map { bytes[$0] ^ bytes[half + $0] }
    }

    /// True when `posted` is a masked form of `expected`; compared in constant time.
    static func matches(_ posted: String, _ expected: String) -> Bool {
        guard !expected.isEmpty, let token = unmask(posted) else { return false }
        let wanted = Array(expected.utf8)
        guard token.count == wanted.count else { return false }
        return zip(token, wanted).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decodeBase64url(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !standard.contains("=") else { return nil }
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: standard).map(Array.init)
    }
}
