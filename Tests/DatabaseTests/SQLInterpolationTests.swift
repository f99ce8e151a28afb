import TestSupport
import Testing

@testable import Database

@Suite("SQL interpolation binds values")
struct SQLInterpolationTests {
    @Test("interpolated values become numbered parameters, never statement text")
    func valuesBecomeParameters() {
        let title = "x'; DROP TABLE measure; --"
        let sql: SQL = "SELECT * FROM measure WHERE title = \(title) AND number > \(3)"
        #expect(sql.text == "SELECT * FROM measure WHERE title = $1 AND number > $2")
        #expect(sql.bindings == [title, "3"])
    }

    @Test("nil is bound as NULL")
    func nilIsNull() {
        let missing: Int? = nil
        let sql: SQL = "SELECT \(missing)::int"
        #expect(sql.text == "SELECT $1::int")
        #expect(sql.bindings == [nil])
    }

    @Test("fragments keep their values and are renumbered")
    func fragmentsAreRenumbered() {
        let region: SQL = "region_code = \("002")"
        let name: SQL = "name ILIKE \("%a%")"
        let sql: SQL = "SELECT iso3 FROM country WHERE m49 <> \("000") AND \(SQL.join([region, name], separator: " AND "))"
        #expect(sql.text == "SELECT iso3 FROM country WHERE m49 <> $1 AND region_code = $2 AND name ILIKE $3")
        #expect(sql.bindings == ["000", "002", "%a%"])
    }

    @Test("renumbering leaves string literals and quoted names alone")
    func renumberingSkipsLiterals() {
        let fragment: SQL = "note = 'costs $1' AND \"odd$1\" = \(5)"
        let sql: SQL = "SELECT \(1)::int WHERE \(fragment)"
        #expect(sql.text == "SELECT $1::int WHERE note = 'costs $1' AND \"odd$1\" = $2")
    }

    @Test("values are written in PostgreSQL's text format")
    func encodings() {
        #expect(true.postgresText == "t")
        #expect(["a", "b\"c", "d\\e", "f,g"].postgresText == #"{"a","b\"c","d\\e","f,g"}"#)
        #expect(CalendarDate(year: 2024, month: 2, day: 29)?.postgresText == "2024-02-29")
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(Double.infinity.postgresText == "Infinity")
    }

    @Test("server errors are classified by SQLSTATE")
    func errorKinds() {
        let cases: [(String, DatabaseError.Kind)] = [
            ("23505", .uniqueViolation), ("23503", .foreignKeyViolation), ("23514", .checkViolation),
            ("23502", .notNullViolation), ("40001", .serializationFailure), ("40P01", .deadlockDetected),
            ("57014", .queryCanceled), ("57P01", .connectionLost), ("08006", .connectionLost), ("42P01", .other),
        ]
        for (state, kind) in cases {
            #expect(DatabaseError(sqlState: state, message: "m", detail: nil, constraint: nil).kind == kind, "\(state)")
        }
    }

    @Test("connection settings: defaults first, the URL after them, a database name last")
    func connectionParameters() {
        let config = DatabaseConfiguration(url: "postgresql://u@h/pool", databaseName: "other")
        let (keys, values) = config.connectionParameters(environment: [:])
        #expect(keys == ["application_name", "connect_timeout", "dbname", "dbname"])
        #expect(values == ["pledgetrack", "5", "postgresql://u@h/pool", "other"])
        // libpq's own variables win over our defaults.
        let fromEnv = DatabaseConfiguration().connectionParameters(environment: ["PGAPPNAME": "x", "PGCONNECT_TIMEOUT": "9"])
        #expect(fromEnv.keys.isEmpty)
    }
}
