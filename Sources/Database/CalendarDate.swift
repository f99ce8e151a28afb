/// A calendar day with no time and no time zone, for PostgreSQL `date` columns
/// (due dates, start and target dates).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the parts make a real day of the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, the form of HTML date inputs and of PostgreSQL.
    public init?(iso text: some StringProtocol) {
        var scanner = DigitScanner(String(text))
        guard let y = scanner.number(digits: 4), scanner.skip("-"),
            let m = scanner.number(digits: 2), scanner.skip("-"),
            let d = scanner.number(digits: 2), scanner.atEnd
        else { return nil }
        self.init(year: Int(y), month: Int(m), day: Int(d))
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        Int(CivilCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    public init(dayNumber: Int) {
        let (y, m, d) = CivilCalendar.date(fromDays: Int64(dayNumber))
        year = Int(y)
        month = Int(m)
        day = Int(d)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public var iso: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension CalendarDate: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { iso }

    public init(postgresText text: String) throws {
        guard let date = CalendarDate(iso: text) else { throw decodingError(text, as: CalendarDate.self) }
        self = date
    }
}
