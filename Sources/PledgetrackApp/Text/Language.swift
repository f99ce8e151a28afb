import Foundation

/// A language the interface is offered in. Adding one is a new case here and its table in
/// `Strings`; pages never change, because they take all their words from the catalog and the
/// base page sets `lang` and `dir` from here.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"

    /// Text direction for the `dir` attribute: Arabic, when it comes, is "rtl".
    public var direction: String {
        switch self {
        case .english: return "ltr"
        }
    }

    /// The best offered language for an `Accept-Language` header, English when none fits.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header else { return .english }
        let wanted = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty else { return nil }
            let quality =
                pieces.dropFirst().first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("q=") }
                .flatMap { Double($0.trimmingCharacters(in: .whitespaces).dropFirst(2)) } ?? 1
            return (String(tag.split(separator: "-").first ?? ""), quality)
        }
        for (tag, _) in wanted.sorted(by: { $0.1 > $1.1 }) {
            if let language = Language(rawValue: tag) { return language }
        }
        return .english
    }
}
