import Database
import Foundation

/// A language the interface is offered in: the six official languages of the United Nations.
/// Each has a table of words per feature (`Strings`), CLDR's plural, number and date rules
/// (`Plurals`, `Formatting`), and a PostgreSQL ICU collation for sorting names.
public enum Language: String, Sendable, CaseIterable {
    case arabic = "ar"
    case chinese = "zh"
    case english = "en"
    case french = "fr"
    case russian = "ru"
    case spanish = "es"

    /// Text direction for the `dir` attribute.
    public var direction: String { self == .arabic ? "rtl" : "ltr" }

    /// The language's name in itself, as the switcher shows it: a reader looks for their own.
    public var autonym: String {
        switch self {
        case .arabic: return "العربية"
        case .chinese: return "中文"
        case .english: return "English"
        case .french: return "Français"
        case .russian: return "Русский"
        case .spanish: return "Español"
        }
    }

    /// The name of `other` in this language, from CLDR ("arabe" in French), for notes such as
    /// "Original in Arabic".
    public func name(of other: Language) -> String {
        Self.names[self]?[other] ?? other.autonym
    }

    /// Every language's name in every language, looked up once: a list shows it per item.
    private static let names: [Language: [Language: String]] = Dictionary(
        uniqueKeysWithValues: allCases.map { reader in
            let locale = Locale(identifier: reader.rawValue)
            return (
                reader,
                Dictionary(uniqueKeysWithValues: allCases.map { ($0, locale.localizedString(forLanguageCode: $0.rawValue) ?? $0.autonym) })
            )
        })

    /// The CLDR locale the formatters use. English takes the British conventions ("2 December
    /// 2026"), as UN documents do; Chinese is Simplified Chinese, the UN's written form.
    var locale: Locale {
        switch self {
        case .english: return Locale(identifier: "en_GB")
        case .chinese: return Locale(identifier: "zh_Hans")
        default: return Locale(identifier: rawValue)
        }
    }

    /// The PostgreSQL ICU collation that sorts names as readers of this language expect.
    public var collation: String { "\(rawValue)-x-icu" }

    /// The best offered language for an `Accept-Language` header, English when none fits.
    /// Tags are matched on their language part ("fr-CA" is French, "zh-Hant" Chinese).
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
        for (tag, quality) in wanted.enumerated().sorted(by: { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }).map(\.element)
        where quality > 0 {
            if let language = Language(rawValue: tag) { return language }
        }
        return .english
    }

    /// A language named in an address or a form (`?lang=fr`), or nil.
    public init?(code: String?) {
        guard let code, let language = Language(rawValue: code.lowercased()) else { return nil }
        self = language
    }
}

extension Language {
    /// `COLLATE "…-x-icu"` for an `ORDER BY`: names sorted as readers of the language expect
    /// (PostgreSQL's ICU collations; a collation is a name, so it cannot be a bound value).
    var collate: SQL {
        switch self {
        case .arabic: return SQL(unsafeRaw: #"COLLATE "ar-x-icu""#)
        case .chinese: return SQL(unsafeRaw: #"COLLATE "zh-x-icu""#)
        case .english: return SQL(unsafeRaw: #"COLLATE "en-x-icu""#)
        case .french: return SQL(unsafeRaw: #"COLLATE "fr-x-icu""#)
        case .russian: return SQL(unsafeRaw: #"COLLATE "ru-x-icu""#)
        case .spanish: return SQL(unsafeRaw: #"COLLATE "es-x-icu""#)
        }
    }
}
