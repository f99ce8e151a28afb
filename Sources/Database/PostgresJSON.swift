import Foundation

/// A `json` or `jsonb` column or parameter holding a `Codable` value.
public struct PostgresJSON<Value: Codable & Sendable>: PostgresEncodable, PostgresDecodable {
    public var value: Value

    public init(_ value: Value) { self.value = value }

    public var postgresText: String {
        // Encoding a Codable value to JSON fails only for values JSON cannot hold (NaN).
        let data = (try? JSONEncoder().encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public init(postgresText text: String) throws {
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw DatabaseError(kind: .decoding, message: "cannot read JSON as \(Value.self): \(error)")
        }
    }
}
