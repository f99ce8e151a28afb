import Database
import Foundation
import Synchronization

/// Dates and numbers as people read them, in the reader's language. Timestamps are stored in
/// UTC and shown in UTC, saying so, because readers sit in many time zones.
enum Formatting {
    /// The styles of each language, made once: making a locale and a style costs far more
    /// than formatting with them.
    private struct Styles: Sendable {
        let dateTime: Date.FormatStyle
        let date: Date.FormatStyle
        let number: IntegerFormatStyle<Int>
        let month: Date.FormatStyle

        init(_ language: Language) {
            let locale = language.locale
            let utc = TimeZone(identifier: "UTC")!
            var dateTime = Date.FormatStyle(date: .long, time: .shortened, locale: locale, timeZone: utc)
            dateTime.calendar = Calendar(identifier: .gregorian)
            var date = Date.FormatStyle(date: .long, time: .omitted, locale: locale, timeZone: utc)
            date.calendar = Calendar(identifier: .gregorian)
            self.dateTime = dateTime
            self.date = date
            self.number = IntegerFormatStyle<Int>.number.locale(locale)
            var month = Date.FormatStyle(date: .omitted, time: .omitted, locale: locale, timeZone: utc).month(.abbreviated).year()
            month.calendar = Calendar(identifier: .gregorian)
            self.month = month
        }
    }

    private static let styles: [Language: Styles] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Styles($0)) })

    /// "22 November 2026, 08:31 UTC"
    static func dateTime(_ date: Date, _ language: Language) -> String {
        date.formatted(styles[language]!.dateTime) + " UTC"
    }

    /// Days already written out, per language: a page shows many dates on few distinct days,
    /// and writing one out costs far more than looking it up.
    private static let days = Mutex<[Language: [Int: String]]>([:])

    /// "22 November 2026"
    static func date(_ date: Date, _ language: Language) -> String {
        let day = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        if let known = days.withLock({ $0[language]?[day] }) { return known }
        let text = date.formatted(styles[language]!.date)
        days.withLock { cache in
            if cache[language, default: [:]].count > 10_000 { cache[language] = [:] }
            cache[language, default: [:]][day] = text
        }
        return text
    }

    /// A calendar day (no time zone): "22 November 2026".
    static func date(_ day: CalendarDate, _ language: Language) -> String {
        let noonUTC = Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 43_200)
        return date(noonUTC, language)
    }

    /// A month, short: "Nov 2026".
    static func month(_ day: CalendarDate, _ language: Language) -> String {
        Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 43_200).formatted(styles[language]!.month)
    }

    /// A machine-readable timestamp for `<time datetime="…">`.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Numbers already written out, per language: pages write the same small numbers many
    /// times, and a format style costs far more than a lookup.
    private static let small: [Language: [String]] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in (language, (0..<1_000).map { $0.formatted(styles[language]!.number) }) })

    /// "12,345" in English, "12 345" in French and Russian: CLDR's digits and
    /// separators for the language.
    static func number(_ value: Int, _ language: Language) -> String {
        if value >= 0, value < 1_000, let known = small[language]?[value] { return known }
        return value.formatted(styles[language]!.number)
    }

    /// The separator between the items of a list in running text: ", " in English, "، " in
    /// Arabic, "、" in Chinese.
    static func listSeparator(_ language: Language) -> String {
        switch language {
        case .arabic: return "، "
        case .chinese: return "、"
        default: return ", "
        }
    }
}
