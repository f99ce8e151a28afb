/// A SQL statement whose interpolated values become bound parameters (`$1`, `$2`, …).
///
/// ```swift
/// let sql: SQL = "SELECT title FROM measure WHERE number = \(number)"
/// // text: "SELECT title FROM measure WHERE number = $1", bindings: ["5"]
/// ```
///
/// Every interpolated value is sent to the server separately from the statement text, so a
/// value can never change the statement: SQL injection cannot be written by accident. Text that
/// is not a value (a fragment built elsewhere) can only be interpolated as another `SQL`, whose
/// own values are renumbered and carried along.
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$n` placeholders.
    public private(set) var text: String
    /// The bound values in placeholder order, in PostgreSQL's text format (`nil` is NULL).
    public private(set) var bindings: [String?]

    public init(stringLiteral value: StaticString) {
        self.text = value.description
        self.bindings = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.text = stringInterpolation.text
        self.bindings = stringInterpolation.bindings
    }

    /// A fragment of trusted SQL text written in the source code: never data.
    public init(unsafeRaw text: StaticString) {
        self.text = text.description
        self.bindings = []
    }

    public var description: String { text }

    /// Appends another statement fragment, renumbering its placeholders.
    public mutating func append(_ other: SQL) {
        text += Self.renumber(other.text, by: bindings.count)
        bindings += other.bindings
    }

    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var sql = lhs
        sql.append(rhs)
        return sql
    }

    /// Joins fragments with a separator, e.g. `SQL.join(conditions, separator: " AND ")`.
    public static func join(_ parts: [SQL], separator: StaticString) -> SQL {
        var result = SQL(unsafeRaw: "")
        for (index, part) in parts.enumerated() {
            if index > 0 { result.text += separator.description }
            result.append(part)
        }
        return result
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        var bindings: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
            bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            text += literal.description
        }

        /// A value: sent as a bound parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            bindings.append(value.postgresText)
            text += "$\(bindings.count)"
        }

        /// An optional value: `nil` is sent as NULL.
        public mutating func appendInterpolation(_ value: (some PostgresEncodable)?) {
            bindings.append(value?.postgresText)
            text += "$\(bindings.count)"
        }

        /// A fragment built elsewhere, with its own bound values.
        public mutating func appendInterpolation(_ fragment: SQL) {
            text += SQL.renumber(fragment.text, by: bindings.count)
            bindings += fragment.bindings
        }
    }

    /// Shifts every `$n` placeholder in `text` by `offset`, leaving string literals and
    /// quoted identifiers alone.
    static func renumber(_ text: String, by offset: Int) -> String {
        guard offset > 0, text.utf8.contains(UInt8(ascii: "$")) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var quote: Character?
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                out.append(c)
                if c == q { quote = nil }
                i += 1
            } else if c == "'" || c == "\"" {
                quote = c
                out.append(c)
                i += 1
            } else if c == "$", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                let number = Int(String(chars[(i + 1)..<j]))!
                out += "$\(number + offset)"
                i = j
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
