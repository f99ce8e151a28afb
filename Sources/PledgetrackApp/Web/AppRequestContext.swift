import Hummingbird
import NIOCore

/// What the app knows about a request while it is handled. The session middleware fills in
/// the signed-in session and client address; the CSRF middleware the parsed form.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The signed-in session, if any (complete or waiting for the second factor).
    public var session: Session?
    /// The client's address: the peer's, or the proxy's report of it when TRUST_PROXY is on.
    public var clientAddress = "unknown"
    /// The CSRF token of visitors without a session (a double-submit cookie), for sign-in forms.
    public var anonymousCSRF: AnonymousCSRF?
    /// A message to show once, carried over a redirect (shown in the reader's language).
    public var flash: Strings.Key?
    /// The posted form of a state-changing request, once its CSRF token was checked.
    public var form = FormData()
    /// The reader's language, once the session middleware chose it (`Request.language`).
    public var language: Language?
    /// The data version this reader's own write made a moment ago (`FreshnessMiddleware`).
    public var wrote: Int?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The complete session's user; nil for visitors and half-signed-in sessions.
    public var user: SignedInUser? { session.flatMap { $0.isComplete ? $0.user : nil } }

    /// The token every form on this page must carry.
    public var csrfToken: String { session?.csrfToken ?? anonymousCSRF?.token ?? "" }

    public var origin: RequestOrigin { RequestOrigin(requestID: id, clientAddress: clientAddress) }
}

extension AppRequestContext {
    /// This context, with an anonymous CSRF token made if a visitor without a session has none:
    /// for the few pages that show a form before sign-in. The page then sets the cookie.
    var withAnonymousCSRF: AppRequestContext {
        guard session == nil, anonymousCSRF == nil else { return self }
        var context = self
        context.anonymousCSRF = AnonymousCSRF(token: SecretToken.make(), isNew: true)
        return context
    }
}

public struct AnonymousCSRF: Sendable {
    public let token: String
    /// True when the cookie must be set on this response.
    public let isNew: Bool
}

extension AppRequestContext {
    /// A route parameter that must be a whole number (`/pledges/{id}`): nil when it is not,
    /// which the handlers answer with 404.
    func intParameter(_ name: String) -> Int? {
        parameters.get(name).flatMap { Int($0) }
    }
}

extension AppRequestContext {
    /// The reader's language, English before the session middleware has chosen one.
    var readerLanguage: Language { language ?? .english }
}
