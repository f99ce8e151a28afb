/// What every page needs to know about the request it answers: the reader's language and
/// the words in it, where the reader is, and messages to show once.
public struct PageContext: Sendable {
    public var strings: Strings
    public var path: String
    /// The query string of the address, for the links to this page in other languages.
    public var query: String?
    public var flash: [Flash]
    /// The signed-in person, for the navigation; nil for visitors.
    public var user: SignedInUser?
    /// Whether a session exists at all (a half-signed-in one can still sign out).
    public var hasSession: Bool
    /// The CSRF token for this page's forms, masked for this one response (`CSRFToken`).
    public var csrfToken: String

    public init(
        language: Language = .english, path: String = "/", query: String? = nil, flash: [Flash] = [],
        user: SignedInUser? = nil, hasSession: Bool = false, csrfToken: String = ""
    ) {
        self.strings = Strings(language)
        self.path = path
        self.query = query
        self.flash = flash
        self.user = user
        self.hasSession = hasSession
        self.csrfToken = csrfToken
    }

    public var language: Language { strings.language }

    /// This page's address in `language`: the same path and query, with `lang` set (or, for
    /// nil, removed).
    public func address(in language: Language?) -> String {
        var parts = (query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") && !$0.isEmpty }.map(String.init)
        if let language { parts.append("lang=" + language.rawValue) }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
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
