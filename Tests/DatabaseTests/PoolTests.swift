import Database
import Foundation
import TestSupport
import Testing

@Suite("The connection pool")
struct PoolTests {
    @Test("many concurrent requests share a small pool, and wait their turn")
    func concurrency() async throws {
        try await TestServer.withDatabase(poolSize: 2) { pool in
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 1...20 {
                    group.addTask { try await pool.queryValue("SELECT \(n)::int FROM pg_sleep(0.02)", as: Int.self) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.sorted() == Array(1...20))
            let stats = pool.statistics
            #expect(stats.open == 2)
            #expect(stats.idle == 2)
            #expect(stats.waiting == 0)
            #expect(stats.waitsTotal > 0)
        }
    }

    @Test("a stream hands over its rows in batches from one snapshot; a failure rolls back and frees the connection")
    func streaming() async throws {
        try await TestServer.withDatabase(poolSize: 1) { pool in
            var sizes: [Int] = []
            var total = 0
            try await pool.stream(
                "SELECT g FROM generate_series(1, \(2500)) g ORDER BY g", batchSize: 1000, { row in try row.decode(0, as: Int.self) }
            ) { rows in
                sizes.append(rows.count)
                total += rows.reduce(0, +)
            }
            #expect(sizes == [1000, 1000, 500])
            #expect(total == 2500 * 2501 / 2)
            struct Stop: Error {}
            await #expect(throws: Stop.self) {
                try await pool.stream(
                    "SELECT g FROM generate_series(1, 5000) g", batchSize: 100, { row in try row.decode(0, as: Int.self) }
                ) { _ in
                    throw Stop()
                }
            }
            // The one connection came back out of its transaction, ready for the next request.
            #expect(try await pool.queryValue("SELECT count(*)::int FROM pg_cursors WHERE name LIKE 'pledgetrack%'", as: Int.self) == 0)
            #expect(pool.statistics.idle == 1)
            let viaBatches = try await pool.withConnection { connection in
                var seen: [Int] = []
                try connection.forEachBatch(
                    "SELECT g FROM generate_series(1, 25) g WHERE g % \(5) = 0", batchSize: 2,
                    { row in
                        try row.decode(0, as: Int.self)
                    }
                ) { seen += $0 }
                return seen
            }
            #expect(viaBatches == [5, 10, 15, 20, 25])
        }
    }

    @Test("blocking calls run on the pool's own threads, not Swift's cooperative pool")
    func dedicatedThreads() async throws {
        try await TestServer.withDatabase(poolSize: 2) { pool in
            let name = try await pool.withConnection { _ in Self.currentThreadName() }
            #expect(name.hasPrefix("TP-"), "ran on \(name)")
        }
    }

    @Test("a request that waits too long for a connection fails with poolTimeout")
    func acquireTimeout() async throws {
        try await TestServer.withDatabase(poolSize: 1, acquireTimeout: .milliseconds(100)) { pool in
            async let slow = pool.execute("SELECT pg_sleep(1)")
            try await Task.sleep(for: .milliseconds(100))
            let failure = await #expect(throws: DatabaseError.self) { try await pool.queryValue("SELECT 1", as: Int.self) }
            #expect(failure?.kind == .poolTimeout)
            _ = try await slow
            #expect(pool.statistics.timeoutsTotal == 1)
            #expect(try await pool.queryValue("SELECT 1", as: Int.self) == 1)
        }
    }

    @Test("a cancelled waiter leaves the queue and the pool keeps working")
    func cancelledWaiter() async throws {
        try await TestServer.withDatabase(poolSize: 1) { pool in
            async let slow = pool.execute("SELECT pg_sleep(0.5)")
            try await Task.sleep(for: .milliseconds(100))
            let waiter = Task { try await pool.queryValue("SELECT 1", as: Int.self) }
            try await Task.sleep(for: .milliseconds(50))
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(pool.statistics.waiting == 0)
            _ = try await slow
            #expect(try await pool.queryValue("SELECT 2", as: Int.self) == 2)
            #expect(pool.statistics.open == 1)
        }
    }

    @Test("an unreachable server is reported as connectionFailed, and the slot is freed")
    func unreachable() async throws {
        let pool = ConnectionPool(
            configuration: DatabaseConfiguration(url: "host=127.0.0.1 port=1 user=nobody dbname=none connect_timeout=2", poolSize: 1),
            logger: TestServer.logger)
        for _ in 1...2 {
            let failure = await #expect(throws: DatabaseError.self) { try await pool.queryValue("SELECT 1", as: Int.self) }
            #expect(failure?.kind == .connectionFailed)
            #expect(failure?.isUnavailable == true)
        }
        #expect(pool.statistics.open == 0)
        try await pool.shutdown()
    }

    @Test("a shut-down pool refuses work")
    func closed() async throws {
        let pool = ConnectionPool(configuration: DatabaseConfiguration(url: TestServer.url), logger: TestServer.logger)
        #expect(try await pool.queryValue("SELECT 1", as: Int.self) == 1)
        try await pool.shutdown()
        let failure = await #expect(throws: DatabaseError.self) { try await pool.queryValue("SELECT 1", as: Int.self) }
        #expect(failure?.kind == .poolClosed)
    }

    static func currentThreadName() -> String {
        let name = try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
        return name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
    }
}
