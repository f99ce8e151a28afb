/// What a person may do in Pledgetrack (see the brief). A person may hold several roles.
public enum Role: String, Sendable, CaseIterable, Comparable {
    case admin
    case secretariat
    case focalPoint = "focal_point"
    case panelFacilitator = "panel_facilitator"
    case panelMember = "panel_member"

    /// Admin and secretariat accounts see everything: they must use a second factor.
    public var requiresSecondFactor: Bool { self == .admin || self == .secretariat }

    /// Panel members are survivors: their sessions end sooner when idle.
    public var idleTimeout: Duration { self == .panelMember ? .seconds(15 * 60) : .seconds(30 * 60) }

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension Set<Role> {
    /// Someone holding any role that sees everything signs in with a second factor.
    public var requiresSecondFactor: Bool { contains(where: \.requiresSecondFactor) }

    /// The shortest idle timeout of these roles.
    public var idleTimeout: Duration { map(\.idleTimeout).min() ?? Role.focalPoint.idleTimeout }
}

/// The person behind a request, as the session loaded them.
public struct SignedInUser: Sendable, Equatable {
    public let id: Int
    public let email: String
    public let displayName: String
    public let roles: Set<Role>
    public let entityIDs: Set<Int>
    /// The language the account chose for its pages, if any.
    public var language: Language? = nil

    public func has(_ role: Role) -> Bool { roles.contains(role) }
    public var requiresSecondFactor: Bool { roles.requiresSecondFactor }
    public var idleTimeout: Duration { roles.idleTimeout }
}
