import Database
import Foundation
import TestSupport
import Testing

@Suite("Statements, transactions and errors")
struct ConnectionTests {
    @Test("a statement is prepared once per connection and reused")
    func preparedOnce() async throws {
        try await TestServer.withDatabase(poolSize: 1) { pool in
            let counts = try await pool.withConnection { c in
                for n in 1...5 { _ = try c.queryValue("SELECT \(n)::int + 1", as: Int.self) }
                return try c.queryValue(
                    "SELECT count(*)::int FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1'", as: Int.self)
            }
            #expect(counts == 1)
        }
    }

    @Test("execute reports the rows it changed")
    func affectedRows() async throws {
        try await TestServer.withDatabase { pool in
            try await pool.execute("CREATE TABLE item (n int)")
            #expect(try await pool.execute("INSERT INTO item SELECT generate_series(1, 5)") == 5)
            #expect(try await pool.execute("UPDATE item SET n = n + 1 WHERE n > \(2)") == 3)
        }
    }

    @Test("a transaction commits when its body returns")
    func commit() async throws {
        try await TestServer.withDatabase { pool in
            try await pool.execute("CREATE TABLE item (n int)")
            try await pool.transaction { tx in
                try tx.execute("INSERT INTO item VALUES (1)")
                try tx.execute("INSERT INTO item VALUES (2)")
            }
            #expect(try await pool.queryValue("SELECT count(*)::int FROM item", as: Int.self) == 2)
        }
    }

    struct Abort: Error {}

    @Test("a transaction rolls back when its body throws, and the connection is reusable")
    func rollback() async throws {
        try await TestServer.withDatabase(poolSize: 1) { pool in
            try await pool.execute("CREATE TABLE item (n int)")
            await #expect(throws: Abort.self) {
                try await pool.transaction { tx in
                    try tx.execute("INSERT INTO item VALUES (1)")
                    throw Abort()
                }
            }
            await #expect(throws: DatabaseError.self) {
                try await pool.transaction { tx in
                    try tx.execute("INSERT INTO item VALUES (1)")
                    try tx.execute("INSERT INTO nowhere VALUES (1)")
                }
            }
            #expect(try await pool.queryValue("SELECT count(*)::int FROM item", as: Int.self) == 0)
        }
    }

    @Test("a nested transaction is a savepoint: only the inner part rolls back")
    func savepoint() async throws {
        try await TestServer.withDatabase { pool in
            try await pool.execute("CREATE TABLE item (n int)")
            try await pool.transaction { tx in
                try tx.execute("INSERT INTO item VALUES (1)")
                _ = try? tx.transaction { inner in
                    try inner.execute("INSERT INTO item VALUES (2)")
                    throw Abort()
                }
                try tx.execute("INSERT INTO item VALUES (3)")
            }
            let rows = try await pool.query("SELECT n FROM item ORDER BY n") { row in try row.decode(0, as: Int.self) }
            #expect(rows == [1, 3])
        }
    }

    @Test("constraint violations carry their kind, SQLSTATE and constraint name")
    func constraintErrors() async throws {
        try await TestServer.withDatabase { pool in
            try await pool.withConnection { c in
                try c.run(
                    """
                    CREATE TABLE parent (id int PRIMARY KEY);
                    CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent,
                                        pct int CONSTRAINT pct_range CHECK (pct BETWEEN 0 AND 100));
                    INSERT INTO parent VALUES (1);
                    """)
            }
            func kind(_ sql: SQL) async -> DatabaseError? {
                do { try await pool.execute(sql); return nil } catch { return error as? DatabaseError }
            }
            let unique = await kind("INSERT INTO parent VALUES (1)")
            #expect(unique?.kind == .uniqueViolation)
            #expect(unique?.sqlState == "23505")
            #expect(unique?.constraint == "parent_pkey")
            #expect(await kind("INSERT INTO child VALUES (1, 99, 5)")?.kind == .foreignKeyViolation)
            let check = await kind("INSERT INTO child VALUES (1, 1, 101)")
            #expect(check?.kind == .checkViolation)
            #expect(check?.constraint == "pct_range")
            #expect(await kind("INSERT INTO child (id, pct) VALUES (2, 5)")?.kind == .notNullViolation)
            #expect(await kind("SELECT * FROM missing_table")?.kind == .other)
        }
    }

    @Test("a concurrent update under REPEATABLE READ is a serialization failure")
    func serializationFailure() async throws {
        try await TestServer.withDatabase(poolSize: 2) { pool in
            try await pool.execute("CREATE TABLE counter (id int PRIMARY KEY, n int)")
            try await pool.execute("INSERT INTO counter VALUES (1, 0)")
            // A connection of the test's own, outside the pool, interleaved with the pool's;
            // its calls still run in pool jobs, off Swift's cooperative threads.
            let first = try await pool.withConnection { _ in
                let first = try Connection(configuration: pool.configuration, logger: TestServer.logger)
                try first.run("BEGIN ISOLATION LEVEL REPEATABLE READ")
                _ = try first.queryValue("SELECT n FROM counter WHERE id = 1", as: Int.self)
                return first
            }
            try await pool.execute("UPDATE counter SET n = n + 1 WHERE id = 1")
            let failure = await #expect(throws: DatabaseError.self) {
                try await pool.withConnection { _ in try first.execute("UPDATE counter SET n = n + 10 WHERE id = 1") }
            }
            #expect(failure?.kind == .serializationFailure)
            #expect(failure?.sqlState == "40001")
        }
    }

    @Test("the configured statement timeout cancels a slow statement")
    func statementTimeout() async throws {
        try await TestServer.withDatabase(statementTimeout: .milliseconds(200)) { pool in
            let failure = await #expect(throws: DatabaseError.self) { try await pool.execute("SELECT pg_sleep(5)") }
            #expect(failure?.kind == .queryCanceled)
            #expect(failure?.sqlState == "57014")
            // The same pool goes on working.
            let after = try await pool.queryValue("SELECT 1", as: Int.self)
            #expect(after == 1)
        }
    }

    @Test("a connection the server ends is reported as lost, and the pool opens a new one")
    func connectionLost() async throws {
        try await TestServer.withDatabase(poolSize: 1) { pool in
            let failure = await #expect(throws: DatabaseError.self) {
                try await pool.withConnection { c in
                    // End our own server process mid-statement.
                    try c.execute("SELECT pg_terminate_backend(pg_backend_pid())")
                }
            }
            #expect(failure?.kind == .connectionLost)
            #expect(failure?.isUnavailable == true)
            let after = try await pool.queryValue("SELECT 1", as: Int.self)
            #expect(after == 1)
        }
    }
}
