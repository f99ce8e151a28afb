/// Who may use a route. Every route declares one in `Routes.swift`; there is no default.
public enum Access: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not: public pages.
    case everyone
    /// A session that gave its password but still owes the second factor.
    case secondFactorPending
    /// Any fully signed-in person.
    case signedIn
    /// A fully signed-in person holding at least one of these roles.
    case roles(Set<Role>)

    public enum Decision: Equatable {
        case allow
        /// Not signed in (or not finished signing in): go to the sign-in page.
        case signIn
        /// Signed in, but not allowed: 403.
        case forbidden
    }

    public func decide(_ session: Session?) -> Decision {
        switch self {
        case .everyone:
            return .allow
        case .secondFactorPending:
            guard let session else { return .signIn }
            return session.isComplete ? .forbidden : .allow
        case .signedIn:
            guard let session, session.isComplete else { return .signIn }
            return .allow
        case .roles(let roles):
            guard let session, session.isComplete else { return .signIn }
            return session.user.roles.isDisjoint(with: roles) ? .forbidden : .allow
        }
    }

    public var description: String {
        switch self {
        case .everyone: return "everyone"
        case .secondFactorPending: return "second factor pending"
        case .signedIn: return "signed in"
        case .roles(let roles): return roles.sorted().map(\.rawValue).joined(separator: " or ")
        }
    }
}
