/// What every page needs to know about the request it answers: the reader's language and
/// the words in it, where the reader is, and messages to show once.
public struct PageContext: Sendable {
    public var strings: Strings
    public var path: String
    public var flash: [Flash]
    /// The signed-in person, for the navigation; nil for visitors.
    public var user: SignedInUser?
    /// Whether a session exists at all (a half-signed-in one can still sign out).
    public var hasSession: Bool
    public var csrfToken: String

    public init(
        language: Language = .english, path: String = "/", flash: [Flash] = [],
        user: SignedInUser? = nil, hasSession: Bool = false, csrfToken: String = ""
    ) {
        self.strings = Strings(language)
        self.path = path
        self.flash = flash
        self.user = user
        self.hasSession = hasSession
        self.csrfToken = csrfToken
    }

    public var language: Language { strings.language }
}

/// A one-time message at the top of the next page ("Milestone saved.").
public struct Flash: Sendable, Equatable {
    public enum Kind: String, Sendable { case success, info, warning, error }
    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
