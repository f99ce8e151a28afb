import Hummingbird

/// What the app knows about a request while it is handled. Sign-in state joins it with the
/// accounts work; for now it is Hummingbird's core (logger, request id).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
