import Foundation
import HTTPTypes
import Hummingbird

/// Registers routes on the router, each with its access rule, and remembers the rules so a
/// test can check that no route exists without one. The rule is checked before the handler
/// runs: visitors who must sign in are sent to the sign-in page, others get 403.
public struct RouteTable {
    public let router: Router<AppRequestContext>
    /// "METHOD /path" → its rule.
    public private(set) var rules: [String: Access] = [:]

    init(router: Router<AppRequestContext>) {
        self.router = router
    }

    mutating func get<R: ResponseGenerator>(
        _ path: RouterPath, _ access: Access, _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> R
    ) {
        add(.get, path, access, handler)
    }

    mutating func post<R: ResponseGenerator>(
        _ path: RouterPath, _ access: Access, _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> R
    ) {
        add(.post, path, access, handler)
    }

    private mutating func add<R: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: RouterPath, _ access: Access,
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> R
    ) {
        let key = "\(method) \(path)"
        precondition(rules[key] == nil, "route \(key) registered twice")
        rules[key] = access
        router.on(path, method: method) { request, context -> Response in
            switch access.decide(context.session) {
            case .allow:
                return try await handler(request, context).response(from: request, context: context)
            case .signIn:
                guard method == .get else { throw HTTPError(.forbidden) }
                let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
                return .seeOther("/login?next=\(next)")
            case .forbidden:
                throw HTTPError(.forbidden)
            }
        }
    }
}
