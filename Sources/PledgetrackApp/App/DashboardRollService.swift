import Database
import Logging
import ServiceLifecycle

/// Moves the kept dashboard cells (migration 0017) to the new day: overdue and stale depend
/// on the day, so once the database's date changes `dashboard_roll()` recounts every cell
/// against it (about 3 s on the large data set). Until it has, the dashboards read the base
/// tables, which are right on any day. Every instance runs this; the roll's advisory lock
/// makes one of them do the work and the others find it done.
struct DashboardRollService: Service {
    let pool: ConnectionPool
    let readiness: Readiness
    let logger: Logger
    /// How often to look whether the day changed (the look is one row's read).
    var interval: Duration = .seconds(60)

    func run() async throws {
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        while !Task.isCancelled {
            if case .ready = readiness.current {
                do {
                    if try await Self.roll(pool) { logger.notice("dashboard cells rolled to the new day") }
                } catch {
                    logger.warning("dashboard roll failed, will retry", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            } else {
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }

    /// Rolls the cells to today if they are not; whether it did. A recount, not a request:
    /// the request statement timeout is lifted for it.
    @discardableResult
    static func roll(_ pool: ConnectionPool) async throws -> Bool {
        try await pool.transaction { connection in
            try connection.run("SET LOCAL statement_timeout = 0")
            return try connection.queryValue("SELECT dashboard_roll()", as: Bool.self)
        }
    }
}
