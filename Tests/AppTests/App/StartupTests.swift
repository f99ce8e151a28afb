import Database
import Foundation
import Logging
import ServiceLifecycle
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("Start-up: migrations and readiness", .timeLimit(.minutes(1)))
struct StartupTests {
    @Test("the migration service brings a new database up to date and marks the app ready")
    func migratesAndBecomesReady() async throws {
        try await TestServer.withDatabase { pool in
            let readiness = Readiness()
            let service = MigrationService(
                pool: pool, migrator: try Migrator(folder: TestServer.migrationsFolder), apply: true,
                readiness: readiness, logger: TestServer.logger)
            try await Self.run(service) {
                try await Self.waitUntil { readiness.isReady }
            }
            #expect(try await pool.queryValue("SELECT count(*)::int FROM measure", as: Int.self) == 20)
        }
    }

    @Test("with MIGRATE_ON_START off, the app waits for the migrations instead of applying them")
    func verifyOnly() async throws {
        try await TestServer.withDatabase { pool in
            let readiness = Readiness()
            let migrator = try Migrator(folder: TestServer.migrationsFolder)
            let service = MigrationService(
                pool: pool, migrator: migrator, apply: false, readiness: readiness, logger: TestServer.logger,
                retryInterval: .milliseconds(50))
            try await Self.run(service) {
                try await Self.waitUntil {
                    if case .migrating(let reason) = readiness.current { reason.hasPrefix("waiting for migrations") } else { false }
                }
                #expect(try await pool.queryValue("SELECT to_regclass('measure') IS NULL", as: Bool.self))
                try await migrator.migrate(pool, logger: TestServer.logger)  // the separate migration job
                try await Self.waitUntil { readiness.isReady }
            }
        }
    }

    @Test("while the database is unreachable it keeps retrying, and a shutdown ends the wait")
    func unreachableThenShutdown() async throws {
        let pool = ConnectionPool(
            configuration: DatabaseConfiguration(url: "host=127.0.0.1 port=1 dbname=none connect_timeout=2", poolSize: 1),
            logger: TestServer.logger)
        let readiness = Readiness()
        let service = MigrationService(
            pool: pool, migrator: try Migrator(folder: TestServer.migrationsFolder), apply: true,
            readiness: readiness, logger: TestServer.logger, retryInterval: .milliseconds(50))
        try await Self.run(service) {
            try await Self.waitUntil {
                if case .migrating(let reason) = readiness.current { reason.hasPrefix("database unreachable") } else { false }
            }
        }
        #expect(!readiness.isReady)
        try await pool.shutdown()
    }

    /// Runs a service in a group, does `body`, then shuts the group down gracefully and waits
    /// for it: a service that ignored the shutdown would hang the test here.
    static func run(_ service: some Service, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [], logger: TestServer.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    static func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<200 where !condition() {
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(condition(), "condition not met within 5 seconds")
    }
}
