import Database
import Logging
import ServiceLifecycle

/// Brings the schema up to date at start (or, with `apply` off, waits until a separate
/// migration job has). While the database cannot be reached it keeps trying, so the app
/// starts (and `/readyz` says 503) even when PostgreSQL is down; a migration error (an edited
/// file, a failing statement) stops the start instead.
struct MigrationService: Service {
    let pool: ConnectionPool
    let migrator: Migrator
    let apply: Bool
    let readiness: Readiness
    let logger: Logger
    var retryInterval: Duration = .seconds(2)

    func run() async throws {
        // A shutdown that comes while we are still waiting for the database ends the wait.
        try await cancelWhenGracefulShutdown { try await bringUpToDate() }
        try? await gracefulShutdown()  // then stay up until shutdown, as a service should
    }

    private func bringUpToDate() async throws {
        while !Task.isCancelled {
            do {
                if apply {
                    let applied = try await migrator.migrate(pool, logger: logger)
                    logger.info("database ready", metadata: ["migrations_applied": "\(applied.count)"])
                } else {
                    let pending = try await migrator.pending(pool)
                    guard pending.isEmpty else {
                        readiness.set(.migrating(reason: "waiting for migrations: \(pending.joined(separator: ", "))"))
                        try? await Task.sleep(for: retryInterval)
                        continue
                    }
                }
                readiness.set(.ready)
                break
            } catch let error as DatabaseError where error.isUnavailable {
                readiness.set(.migrating(reason: "database unreachable: \(error.message.prefix { $0 != "\n" })"))
                logger.warning("database unreachable, will retry", metadata: ["error": "\(error.message)"])
                try? await Task.sleep(for: retryInterval)
            } catch is CancellationError {
                return  // shutting down
            } catch {
                logger.critical("migrations failed: \(error)")
                readiness.set(.migrating(reason: "migrations failed"))
                throw error
            }
        }
    }
}
