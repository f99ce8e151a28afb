import Database
import HTTPTypes
import Hummingbird

/// Someone who just changed something sees the change at once, even where other readers may
/// be shown a page made a few seconds earlier (`PageCache`): after a form is handled, the data
/// version their write produced goes into a short-lived cookie, and every cached page shown to
/// them while it lasts is made from that version or a later one.
struct FreshnessMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let versions: DataVersion
    let cookies: CookiePolicy

    /// Longer than `PageCache.staleBound`: once it has passed, no page made before the write is shown to anyone.
    static let lifetime = 30

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let value = request.cookies[cookies.wrote]?.value, let version = Int(value) { context.wrote = version }
        let isWrite = request.method != .get && request.method != .head
        var response = try await next(request, context)
        guard isWrite, response.status.code < 400 else { return response }
        let version = try await DataVersion.read(versions.pool)
        response.headers.append(
            HTTPField(name: .setCookie, value: cookies.makeShort(cookies.wrote, String(version), seconds: Self.lifetime)))
        return response
    }
}
