import Database
import Foundation
import TestSupport
import Testing

/// Runs against a second cluster that `make test` starts for this test alone, because it
/// restarts the server (see scripts/test).
@Suite("The pool heals by itself when PostgreSQL restarts")
struct ServerRestartTests {
    @Test("after a restart the next queries succeed on new connections, with no app restart")
    func healsAfterRestart() async throws {
        let env = ProcessInfo.processInfo.environment
        let url = try #require(env["TEST_RESTART_DATABASE_URL"], "make test sets TEST_RESTART_DATABASE_URL")
        let restart = try #require(env["TEST_RESTART_COMMAND"], "make test sets TEST_RESTART_COMMAND")
        let pool = ConnectionPool(configuration: DatabaseConfiguration(url: url, poolSize: 3), logger: TestServer.logger)
        // Open every connection of the pool.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 1...3 { group.addTask { _ = try await pool.queryValue("SELECT 1 FROM pg_sleep(0.05)", as: Int.self) } }
            try await group.waitForAll()
        }
        let pidsBefore = try await pool.queryValue("SELECT pg_backend_pid()", as: Int.self)
        #expect(pool.statistics.open == 3)

        #expect(try await TestServer.shell(restart) == 0, "\(restart) failed")

        for n in 1...6 {
            #expect(try await pool.queryValue("SELECT \(n)::int", as: Int.self) == n)
        }
        let pidAfter = try await pool.queryValue("SELECT pg_backend_pid()", as: Int.self)
        #expect(pidAfter != pidsBefore)
        try await pool.shutdown()
    }

}
