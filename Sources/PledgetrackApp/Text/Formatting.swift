import Database
import Foundation

/// Dates and numbers as people read them, in the reader's language. Timestamps are stored in
/// UTC and shown in UTC, saying so, because readers sit in many time zones.
enum Formatting {
    /// "22 November 2026, 08:31 UTC"
    static func dateTime(_ date: Date, _ language: Language) -> String {
        var style = Date.FormatStyle(date: .long, time: .shortened, locale: Locale(identifier: language.rawValue + "_GB"),
                                     timeZone: TimeZone(identifier: "UTC")!)
        style.calendar = Calendar(identifier: .gregorian)
        return date.formatted(style) + " UTC"
    }

    /// "22 November 2026"
    static func date(_ date: Date, _ language: Language) -> String {
        let style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language.rawValue + "_GB"),
                                     timeZone: TimeZone(identifier: "UTC")!)
        return date.formatted(style)
    }

    /// A calendar day (no time zone): "22 November 2026".
    static func date(_ day: CalendarDate, _ language: Language) -> String {
        let noonUTC = Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 43_200)
        return date(noonUTC, language)
    }

    /// A machine-readable timestamp for `<time datetime="…">`.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// "12,345"
    static func number(_ value: Int, _ language: Language) -> String {
        value.formatted(.number.locale(Locale(identifier: language.rawValue + "_GB")))
    }
}
