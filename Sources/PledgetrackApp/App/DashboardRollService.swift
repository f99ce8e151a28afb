import Database
import Logging
import ServiceLifecycle

/// Keeps the kept dashboard cells (migrations 0017 and 0019) current:
/// - every second it folds the changes writers appended (`dashboard_fold()`), so the
///   dashboards' reads of `dashboard_cell_now` sum only a second's worth of them;
/// - once the database's date changes it rolls the cells to the new day (`dashboard_roll()`):
///   overdue and stale depend on the day, so every cell is recounted against it (about 3 s on
///   the large data set). Until then the dashboards read the base tables, right on any day.
/// Every instance runs this; advisory locks make one of them do each fold or roll and the
/// others find nothing to do.
struct DashboardRollService: Service {
    let pool: ConnectionPool
    let readiness: Readiness
    let logger: Logger
    /// How often to fold the appended changes.
    var foldEvery: Duration = .seconds(1)
    /// How often to look whether the day changed (the look is one row's read).
    var interval: Duration = .seconds(60)

    func run() async throws {
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        let clock = ContinuousClock()
        var nextRoll = clock.now
        while !Task.isCancelled {
            guard case .ready = readiness.current else {
                try? await Task.sleep(for: .seconds(5))
                continue
            }
            do {
                if clock.now >= nextRoll {
                    nextRoll = clock.now + interval
                    if try await Self.roll(pool) { logger.notice("dashboard cells rolled to the new day") }
                }
                try await Self.fold(pool)
            } catch {
                logger.warning("dashboard fold or roll failed, will retry", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: foldEvery)
        }
    }

    /// Adds the changes writers appended to the cells; how many cells changed.
    @discardableResult
    static func fold(_ pool: ConnectionPool) async throws -> Int {
        try await pool.transaction { connection in
            try connection.run("SET LOCAL statement_timeout = 0")
            return try connection.queryValue("SELECT dashboard_fold()", as: Int.self)
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
