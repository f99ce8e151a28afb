import Database
import Foundation
import HTTPTypes
import Hummingbird

/// Finds who is asking: the client's address, the session behind the session cookie, the
/// anonymous CSRF cookie and a flash message. Signed-in responses are never stored by caches,
/// nor are pages where a survivor may be (which also send no referrer).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pool: ConnectionPool
    let cookies: CookiePolicy
    let trustProxy: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = clientAddress(request, context)
        if let token = request.cookies[cookies.session]?.value, !token.isEmpty, token.utf8.count <= 100 {
            context.session = try await pool.withConnection { connection in try SessionStore.load(token: token, on: connection) }
        }
        if context.session == nil, let existing = request.cookies[cookies.csrf]?.value, existing.utf8.count == 43 {
            // A page with a form makes the token when the visitor has none (see withAnonymousCSRF).
            context.anonymousCSRF = AnonymousCSRF(token: existing, isNew: false)
        }
        let flashKey = request.cookies[cookies.flash]?.value
        context.flash = flashKey.flatMap(Strings.Key.init(rawValue:))
        let remembered = Language(code: request.cookies[cookies.language]?.value)
        let asked = Language(code: request.uri.queryParameters["lang"].map(String.init))
        context.language = request.language(asked: asked, remembered: remembered, account: context.user?.language)

        var response = try await next(request, context)
        if context.session != nil || request.uri.path.hasPrefix("/login") || request.uri.path.hasPrefix("/invite") {
            response.headers[.cacheControl] = "no-store"
        }
        // Pages that show survivors' texts (public ones included) are kept by no cache: a text
        // its author withdraws must not live on in a browser's or a proxy's copy.
        if Self.showsSurvivorText(request.uri.path) { response.headers[.cacheControl] = "no-store" }
        if FeedbackAccess.isSafetyPage(path: request.uri.path, user: context.user) {
            response.headers[.cacheControl] = "no-store"
            response.headers[SecurityHeadersMiddleware.referrerPolicy] = "no-referrer"
        }
        if flashKey != nil { response.headers.append(HTTPField(name: .setCookie, value: cookies.clear(cookies.flash))) }
        if let asked, asked != remembered {
            response.headers.append(HTTPField(name: .setCookie, value: cookies.make(cookies.language, asked.rawValue)))
        }
        if trustProxy, request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" {
            response.headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000; includeSubDomains"
        }
        return response
    }

    static func showsSurvivorText(_ path: String) -> Bool {
        path == "/feedback" || path.hasPrefix("/feedback/") || path == "/dashboards/measures/18" || path.hasPrefix("/panels")
    }

    /// The peer's address; behind a trusted proxy, the last address it appended.
    private func clientAddress(_ request: Request, _ context: Context) -> String {
        if trustProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
