import Database
import Foundation
import Logging

/// The PostgreSQL servers that `make test` starts for the test run (see scripts/test).
public enum TestServer {
    /// conninfo of the main test cluster; each test makes its own database in it.
    public static var url: String {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            fatalError("TEST_DATABASE_URL is not set: run the tests with `make test`, which starts PostgreSQL")
        }
        return url
    }

    public static let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }()

    /// A new, empty database with a pool on it, dropped from view after the test (the cluster
    /// itself is thrown away at the end of the run).
    @discardableResult
    public static func withDatabase<T: Sendable>(
        poolSize: Int = 4,
        statementTimeout: Duration? = .seconds(10),
        acquireTimeout: Duration = .seconds(10),
        template: String? = nil,
        _ body: (ConnectionPool) async throws -> T
    ) async throws -> T {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let from = template.map { " TEMPLATE \($0)" } ?? ""
        try await admin.withConnection { connection in try connection.run("CREATE DATABASE \(name)\(from)") }
        let pool = ConnectionPool(
            configuration: DatabaseConfiguration(
                url: url, databaseName: name, poolSize: poolSize,
                statementTimeout: statementTimeout, acquireTimeout: acquireTimeout),
            logger: logger)
        do {
            let value = try await body(pool)
            try await pool.shutdown()
            return value
        } catch {
            try? await pool.shutdown()
            throw error
        }
    }

    /// A new database copied from one migrated with the project's own `Migrations/` (made
    /// once per test run), with a pool on it.
    @discardableResult
    public static func withMigratedDatabase<T: Sendable>(
        poolSize: Int = 4, _ body: (ConnectionPool) async throws -> T
    ) async throws -> T {
        let template = try await migratedTemplate.value
        return try await withDatabase(poolSize: poolSize, template: template, body)
    }

    /// The project's migrations folder, found from this file's place in the repository.
    public static let migrationsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations").path

    private static let migratedTemplate = Task<String, any Error> {
        let name = "template_migrated"
        try await admin.withConnection { connection in try connection.run("CREATE DATABASE \(name)") }
        let pool = ConnectionPool(configuration: DatabaseConfiguration(url: url, databaseName: name, poolSize: 1), logger: logger)
        do {
            try await Migrator(folder: migrationsFolder).migrate(pool, logger: logger)
            try await pool.shutdown()  // a template must have no connections when it is copied
        } catch {
            try? await pool.shutdown()
            throw error
        }
        return name
    }

    /// The cluster's `postgres` database, where test databases are made. Like everything
    /// else, its blocking calls run on pool threads: a blocked cooperative thread can stall
    /// the whole test run on two cores.
    /// Every test queues here to create its database, so waiting long is expected, not a fault.
    public static let admin = ConnectionPool(
        configuration: DatabaseConfiguration(url: url, poolSize: 2, acquireTimeout: .seconds(600)), logger: logger)

    /// Runs a shell command on a thread of its own and returns its exit status.
    /// (Foundation's `Process` is avoided: on Linux its child monitoring stalled the whole
    /// concurrent test run here.)
    public static func shell(_ command: String) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let words: [String] = ["/bin/sh", "-c", command]
                let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
                defer { argv.forEach { free($0) } }
                var pid: pid_t = 0
                let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
                guard spawned == 0 else {
                    continuation.resume(throwing: POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL))
                    return
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                continuation.resume(returning: (status >> 8) & 0xFF)
            }
        }
    }
}
