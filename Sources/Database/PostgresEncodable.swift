import Foundation

/// A Swift value that can be bound as a query parameter, in PostgreSQL's text format.
///
/// The server infers each parameter's type from where it stands in the statement; where it
/// cannot (`SELECT $1`), write a cast in the SQL: `\(value)::int`.
public protocol PostgresEncodable: Sendable {
    var postgresText: String { get }
}

extension String: PostgresEncodable {
    public var postgresText: String { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int16: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Double: PostgresEncodable {
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)
    }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "t" : "f" }
}

extension UUID: PostgresEncodable {
    public var postgresText: String { uuidString }
}

extension Date: PostgresEncodable {
    /// An instant, for `timestamptz` columns: ISO 8601 in UTC with microseconds.
    public var postgresText: String { PostgresTimestamp.format(self) }
}

extension Array: PostgresEncodable where Element: PostgresEncodable {
    /// A one-dimensional array literal, `{"a","b"}`, every element quoted and escaped.
    public var postgresText: String {
        var out = "{"
        for (index, element) in enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in element.postgresText.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
            out += "\""
        }
        return out + "}"
    }
}
