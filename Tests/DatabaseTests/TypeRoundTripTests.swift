import Database
import Foundation
import TestSupport
import Testing

@Suite("Values go in and come back out unchanged")
struct TypeRoundTripTests {
    @Test("text, integers, floats, booleans, UUIDs")
    func scalars() async throws {
        try await TestServer.withDatabase { pool in
            let text = "Côte d’Ivoire 'quoted' \"double\" \\ back; DROP TABLE x; -- 日本"
            let id = UUID()
            let row = try await pool.queryFirst(
                """
                SELECT \(text)::text, \(Int.max)::bigint, \(Int32.min)::int, \(2.5)::float8,
                       \(true)::bool, \(id)::uuid, \(false)::bool
                """
            ) { row in
                (
                    try row.decode(0, as: String.self), try row.decode(1, as: Int.self), try row.decode(2, as: Int32.self),
                    try row.decode(3, as: Double.self), try row.decode(4, as: Bool.self), try row.decode(5, as: UUID.self),
                    try row.decode(6, as: Bool.self)
                )
            }
            let r = try #require(row)
            #expect(r.0 == text)
            #expect(r.1 == Int.max)
            #expect(r.2 == Int32.min)
            #expect(r.3 == 2.5)
            #expect(r.4 == true)
            #expect(r.5 == id)
            #expect(r.6 == false)
        }
    }

    @Test("timestamps keep microseconds and come back in UTC")
    func timestamps() async throws {
        try await TestServer.withDatabase { pool in
            let instant = Date(timeIntervalSince1970: 1_795_000_000.123456)
            let back = try await pool.queryValue("SELECT \(instant)::timestamptz", as: Date.self)
            #expect(abs(back.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
            // A value the server makes is read the same way.
            let epoch = try await pool.queryValue("SELECT timestamptz '1970-01-01 02:00:00+02'", as: Date.self)
            #expect(epoch.timeIntervalSince1970 == 0)
            let before1970 = try await pool.queryValue("SELECT timestamptz '1969-12-31 23:59:59.5+00'", as: Date.self)
            #expect(before1970.timeIntervalSince1970 == -0.5)
        }
    }

    @Test("calendar dates")
    func dates() async throws {
        try await TestServer.withDatabase { pool in
            let leap = try #require(CalendarDate(iso: "2028-02-29"))
            let back = try await pool.queryValue("SELECT \(leap)::date + 1", as: CalendarDate.self)
            #expect(back == CalendarDate(year: 2028, month: 3, day: 1))
        }
    }

    @Test("arrays, with quotes, commas, braces and NULLs")
    func arrays() async throws {
        try await TestServer.withDatabase { pool in
            let words = ["plain", "with space", "comma,here", "quote\"here", "back\\slash", "{brace}", "NULL", ""]
            let back = try await pool.queryValue("SELECT \(words)::text[]", as: [String].self)
            #expect(back == words)
            let numbers = try await pool.queryValue("SELECT \([3, 1, 2])::int[]", as: [Int].self)
            #expect(numbers == [3, 1, 2])
            let withNull = try await pool.queryValue("SELECT ARRAY['a', NULL]::text[]", as: [String?].self)
            #expect(withNull == ["a", nil])
            let empty = try await pool.queryValue("SELECT '{}'::text[]", as: [String].self)
            #expect(empty.isEmpty)
        }
    }

    struct Evidence: Codable, Equatable, Sendable {
        var title: String
        var url: String
    }

    @Test("JSON columns hold Codable values")
    func json() async throws {
        try await TestServer.withDatabase { pool in
            let evidence = [Evidence(title: "Report \"2025\"", url: "https://example.org/a?b=c&d")]
            let back = try await pool.queryValue("SELECT \(PostgresJSON(evidence))::jsonb", as: PostgresJSON<[Evidence]>.self)
            #expect(back.value == evidence)
        }
    }

    @Test("NULL reads as nil into an Optional and is an error anywhere else")
    func nulls() async throws {
        try await TestServer.withDatabase { pool in
            let none: String? = nil
            let optional = try await pool.queryValue("SELECT \(none)::text", as: String?.self)
            #expect(optional == nil)
            await #expect { try await pool.queryValue("SELECT NULL::text", as: String.self) } throws: { error in
                (error as? DatabaseError)?.kind == .decoding
            }
        }
    }

    @Test("columns can be read by name; a wrong type is a decoding error")
    func byNameAndWrongType() async throws {
        try await TestServer.withDatabase { pool in
            let pair = try await pool.queryFirst("SELECT 7 AS seven, 'x' AS letter") { row in
                (try row.decode("seven", as: Int.self), try row.decode("letter", as: String.self))
            }
            #expect(pair?.0 == 7)
            #expect(pair?.1 == "x")
            await #expect { try await pool.queryValue("SELECT 'abc'", as: Int.self) } throws: { error in
                (error as? DatabaseError)?.kind == .decoding
            }
        }
    }

    @Test("a hostile value is stored as data, and the table survives")
    func injectionIsData() async throws {
        try await TestServer.withDatabase { pool in
            try await pool.execute("CREATE TABLE note (body text NOT NULL)")
            let hostile = "'); DROP TABLE note; --"
            try await pool.execute("INSERT INTO note (body) VALUES (\(hostile))")
            let bodies = try await pool.query("SELECT body FROM note") { row in try row.decode(0, as: String.self) }
            #expect(bodies == [hostile])
        }
    }

    @Test("a NUL character is refused instead of silently cutting the value")
    func nulIsRefused() async throws {
        try await TestServer.withDatabase { pool in
            await #expect(throws: DatabaseError.self) { try await pool.queryValue("SELECT \("a\u{0}b")::text", as: String.self) }
        }
    }
}
