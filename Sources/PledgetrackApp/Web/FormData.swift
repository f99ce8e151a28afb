import Foundation

/// A posted `application/x-www-form-urlencoded` form. Handlers read the fields they know by
/// name, so nothing else a client sends is ever bound.
public struct FormData: Sendable {
    private var values: [String: [String]] = [:]

    public init() {}

    /// Nil when the body is not valid percent-encoded UTF-8, or holds a NUL character (which no
    /// field can mean, and PostgreSQL text cannot store).
    public init?(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            values[name, default: []].append(value)
        }
    }

    public init(_ fields: [String: String]) {
        values = fields.mapValues { [$0] }
    }

    /// The first value of a field, "" when absent.
    public func string(_ name: String) -> String { values[name]?.first ?? "" }

    /// The first value with surrounding spaces removed.
    public func trimmed(_ name: String) -> String { string(name).trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Every value of a repeated field (checkboxes).
    public func strings(_ name: String) -> [String] { values[name] ?? [] }

    private static func decode(_ text: Substring) -> String? {
        guard let value = String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
            !value.utf8.contains(0)
        else { return nil }
        return value
    }
}

/// Messages for the fields of a form that was not accepted, keyed by field name.
public struct FieldErrors: Error, Sendable {
    public private(set) var messages: [(field: String, message: Strings.Key)] = []

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    public mutating func add(_ field: String, _ message: Strings.Key) {
        messages.append((field, message))
    }

    public subscript(_ field: String) -> Strings.Key? {
        messages.first { $0.field == field }?.message
    }
}
