import CLibPQ

/// One row of a result, readable only inside the closure that receives it.
///
/// It points into libpq's result, which is freed when the query call returns: decode what you
/// need into your own Sendable values there. Columns are addressed by position or by name.
public struct Row: ~Copyable {
    let result: OpaquePointer
    let index: Int32

    /// The number of columns.
    public var count: Int { Int(PQnfields(result)) }

    public func isNull(_ column: Int) -> Bool {
        PQgetisnull(result, index, Int32(column)) == 1
    }

    /// Decodes the value at a column position (0-based).
    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
        guard column >= 0, column < count else {
            throw DatabaseError(kind: .decoding, message: "no column at position \(column) (the row has \(count))")
        }
        if isNull(column) {
            guard let null = T.postgresNull else {
                throw DatabaseError(kind: .decoding, message: "column \(columnName(column)) is NULL, expected \(T.self)")
            }
            return null
        }
        let text = String(cString: PQgetvalue(result, index, Int32(column)))
        do {
            return try T(postgresText: text)
        } catch var error as DatabaseError {
            error.message = "column \(columnName(column)): " + error.message
            throw error
        }
    }

    /// Decodes the value of the column with this name.
    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let column = PQfnumber(result, name)
        guard column >= 0 else {
            throw DatabaseError(kind: .decoding, message: "the result has no column named \(name)")
        }
        return try decode(Int(column), as: type)
    }

    public subscript<T: PostgresDecodable>(_ column: Int) -> T {
        get throws { try decode(column) }
    }

    public subscript<T: PostgresDecodable>(_ name: String) -> T {
        get throws { try decode(name) }
    }

    private func columnName(_ column: Int) -> String {
        guard let name = PQfname(result, Int32(column)) else { return "#\(column)" }
        return String(cString: name)
    }
}

/// A type that builds itself from a row: `try connection.query(sql, as: Measure.self)`.
public protocol RowDecodable: Sendable {
    init(row: borrowing Row) throws
}
