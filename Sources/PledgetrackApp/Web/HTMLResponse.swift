import HTTPTypes
import Hummingbird
import Markup

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
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        let html = Layout.render(page, context)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html.rendered)))
    }
}

extension Request {
    /// The page context for this request: language from `Accept-Language`, the path for
    /// navigation, and who is signed in.
    func pageContext(_ context: AppRequestContext) -> PageContext {
        PageContext(
            language: Language.negotiate(acceptLanguage: headers[.acceptLanguage]), path: uri.path,
            flash: context.flash.map { [$0] } ?? [], user: context.user, hasSession: context.session != nil,
            csrfToken: context.csrfToken)
    }
}
