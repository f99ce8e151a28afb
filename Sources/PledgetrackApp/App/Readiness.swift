import Database
import Synchronization

/// Whether the database schema is ready for the pages: set once the migrations have run.
/// Until then pages answer "temporarily unavailable" and `/readyz` says why.
public final class Readiness: Sendable {
    public enum State: Sendable, Equatable {
        case migrating(reason: String)
        case ready
    }

    private let state: Mutex<State>

    public init(_ initial: State = .migrating(reason: "migrations have not run yet")) {
        state = Mutex(initial)
    }

    public var current: State { state.withLock { $0 } }
    public var isReady: Bool { current == .ready }

    func set(_ new: State) { state.withLock { $0 = new } }

    /// One round trip to the database: throws when it cannot be reached.
    static func ping(_ pool: ConnectionPool) async throws {
        _ = try await pool.queryValue("SELECT 1", as: Int.self)
    }
}
