import Foundation

/// A Swift value that can be read from a column in PostgreSQL's text format.
///
/// A NULL column decodes only into an `Optional`; into anything else it is a
/// `DatabaseError` of kind `.decoding`, so a NULL is always handled on purpose.
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value.
    init(postgresText text: String) throws
    /// What NULL decodes to, or `nil` when NULL is not allowed.
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String) throws {
        self = .some(try Wrapped(postgresText: text))
    }
    public static var postgresNull: Self? { .some(.none) }
}

func decodingError(_ text: String, as type: Any.Type) -> DatabaseError {
    DatabaseError(kind: .decoding, message: "cannot read \(String(reflecting: type)) from a \(text.utf8.count)-byte value")
}

extension String: PostgresDecodable {
    public init(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int(text) else { throw decodingError(text, as: Int.self) }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int32(text) else { throw decodingError(text, as: Int32.self) }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int64(text) else { throw decodingError(text, as: Int64.self) }
        self = value
    }
}

extension Double: PostgresDecodable {
    public init(postgresText text: String) throws {
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(text) else { throw decodingError(text, as: Double.self) }
            self = value
        }
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String) throws {
        switch text {
        case "t": self = true
        case "f": self = false
        default: throw decodingError(text, as: Bool.self)
        }
    }
}

extension UUID: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = UUID(uuidString: text) else { throw decodingError(text, as: UUID.self) }
        self = value
    }
}

extension Date: PostgresDecodable {
    /// A `timestamptz` as the connection prints it (ISO style, UTC).
    public init(postgresText text: String) throws {
        guard let value = PostgresTimestamp.parse(text) else { throw decodingError(text, as: Date.self) }
        self = value
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// A one-dimensional array in PostgreSQL's text form, e.g. `{1,2}` or `{"a b",NULL}`.
    public init(postgresText text: String) throws {
        guard let items = PostgresArrayText.parse(text) else { throw decodingError(text, as: Self.self) }
        self = try items.map { item in
            guard let item else {
                guard let null = Element.postgresNull else { throw decodingError("NULL", as: Element.self) }
                return null
            }
            return try Element(postgresText: item)
        }
    }
}
