import HTTPTypes
import Hummingbird
import Markup
import Synchronization

/// A rendered page as a response: the page's own parts wrapped in the shared layout.
struct HTMLResponse: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    let page: Page
    let context: PageContext
    /// Set-Cookie values to send with the page.
    var cookies: [String] = []

    func response(from request: Request, context _: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        // A shared cache may keep a visitor's page (signed-in pages are `no-store`), but not
        // hand it to someone signed in or reading in another language.
        headers[.vary] = "Cookie, Accept-Language"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        if page.showsSecret { headers[CompressionMiddleware.keepUncompressed] = "secret" }
        let body: ByteBuffer
        if let key = RenderedPages.Key(page, context, status: status, cookies: cookies) {
            body = RenderedPages.shared.body(key) { ByteBuffer(string: Layout.render(page, context).rendered) }
        } else {
            body = ByteBuffer(string: Layout.render(page, context).rendered)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

/// Visitors' whole responses around a kept page: for a reader with no session and no message
/// to show, the layout depends only on the page, the language and the address, so a page read
/// by thousands is wrapped once per address instead of once per request (the State × measure
/// matrix is 691 KB). Keyed by the page's serial, which a rebuild changes, so nothing here is
/// ever out of date; the oldest go first past `budget` bytes.
final class RenderedPages: Sendable {
    struct Key: Hashable, Sendable {
        let serial: Int
        let language: Language
        let path: String
        let query: String?

        init?(_ page: Page, _ context: PageContext, status: HTTPResponse.Status, cookies: [String]) {
            guard page.serial != 0, status == .ok, cookies.isEmpty, context.user == nil, !context.hasSession, context.flash.isEmpty
            else { return nil }
            (serial, language, path, query) = (page.serial, context.language, context.path, context.query)
        }
    }

    static let shared = RenderedPages()

    private let state: Mutex<BoundedBuffers<Key>>

    init(budget: Int = 16 << 20) {
        state = Mutex(BoundedBuffers(budget: budget))
    }

    func body(_ key: Key, render: () -> ByteBuffer) -> ByteBuffer {
        if let kept = state.withLock({ $0[key] }) { return kept }
        let body = render()
        state.withLock { $0.keep(body, for: key) }
        return body
    }
}

extension Request {
    /// The reader's language: the one an address names (`?lang=fr`, from the switcher or a
    /// shared link), else the one chosen earlier in this browser session, else the account's,
    /// else the browser's `Accept-Language`. Addresses stay the same in every language.
    func language(asked: Language?, remembered: Language?, account: Language?) -> Language {
        asked ?? remembered ?? account ?? Language.negotiate(acceptLanguage: headers[.acceptLanguage])
    }

    /// The page context for this request: the reader's language, the address for navigation
    /// and the language links, who is signed in, and the CSRF token masked for this response.
    func pageContext(_ context: AppRequestContext) -> PageContext {
        let language = context.language ?? Language.negotiate(acceptLanguage: headers[.acceptLanguage])
        return PageContext(
            language: language, path: uri.path, query: uri.query,
            flash: context.flash.map { [Flash(.success, Strings(language)[$0])] } ?? [], user: context.user,
            hasSession: context.session != nil, csrfToken: CSRFToken.mask(context.csrfToken))
    }
}

extension HTMLResponse {
    /// A page view rendered for this request's reader.
    init(_ view: some PageView, status: HTTPResponse.Status = .ok, _ request: Request, _ context: AppRequestContext) {
        let pageContext = request.pageContext(context)
        self.init(status: status, page: view.page(pageContext), context: pageContext)
    }

    /// A page with a form shown before sign-in (sign-in, set a password): it makes the visitor's
    /// CSRF token when they have none and sets its cookie with the page.
    static func formBeforeSignIn(
        status: HTTPResponse.Status, _ request: Request, _ context: AppRequestContext, _ cookies: CookiePolicy,
        _ page: (PageContext) -> Page
    ) throws -> Response {
        let context = context.withAnonymousCSRF
        let pageContext = request.pageContext(context)
        let setCookies = context.anonymousCSRF.map { $0.isNew ? [cookies.make(cookies.csrf, $0.token)] : [] } ?? []
        return try HTMLResponse(status: status, page: page(pageContext), context: pageContext, cookies: setCookies)
            .response(from: request, context: context)
    }
}
