import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization

/// A fixed-size pool of PostgreSQL connections whose blocking libpq calls all run on the
/// pool's own threads (one per connection), never on an event loop or Swift's cooperative pool.
///
/// ```swift
/// let titles = try await pool.query("SELECT title FROM measure ORDER BY number") { row in
///     try row.decode(0, as: String.self)
/// }
/// try await pool.transaction { connection in
///     try connection.execute("UPDATE …")
///     try connection.execute("INSERT INTO audit_event …")
/// }
/// ```
///
/// Connections are opened on first use. Before a connection is lent out it is checked for
/// anything the server said while it sat idle, so after a database restart the stale
/// connections are dropped and new ones opened: the pool heals without an app restart.
public final class ConnectionPool: Service, Sendable {
    public let configuration: DatabaseConfiguration
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let state = Mutex(State())

    public init(configuration: DatabaseConfiguration, logger: Logger) {
        precondition(configuration.poolSize > 0, "the pool needs at least one connection")
        self.configuration = configuration
        self.logger = logger
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.poolSize)
        threadPool.start()
    }

    // MARK: Use

    /// Lends a connection to `body`, which runs on a pool thread and may block.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let lease = try await acquire()
        let outcome: (keep: Connection?, result: Result<T, any Error>)
        do {
            outcome = try await threadPool.runIfActive { [configuration, logger] in
                var connection = lease.connection
                if let existing = connection, !existing.isReusable {
                    logger.info("dropping a broken database connection")
                    connection = nil
                }
                do {
                    let usable = try connection ?? Connection(configuration: configuration, logger: logger)
                    let result = Result { try body(usable) }
                    return (usable.isReusable ? usable : nil, result)
                } catch {
                    return (nil, .failure(error))
                }
            }
        } catch {
            // Cancelled before the job started, or the pool is shutting down: `body` never ran.
            release(lease.connection)
            throw error is CancellationError ? error : DatabaseError(kind: .poolClosed, message: "the pool is shut down")
        }
        release(outcome.keep)
        return try outcome.result.get()
    }

    /// Runs `body` in a transaction on one connection: committed when it returns, rolled back
    /// when it throws. The whole transaction is one pool job, so it never waits on anything else.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withConnection { connection in try connection.transaction(body) }
    }

    public func query<T: Sendable>(_ sql: SQL, _ decode: @escaping @Sendable (borrowing Row) throws -> T) async throws -> [T] {
        try await withConnection { connection in try connection.query(sql, decode) }
    }

    public func query<T: RowDecodable>(_ sql: SQL, as type: T.Type) async throws -> [T] {
        try await withConnection { connection in try connection.query(sql, as: type) }
    }

    public func queryFirst<T: Sendable>(_ sql: SQL, _ decode: @escaping @Sendable (borrowing Row) throws -> T) async throws -> T? {
        try await withConnection { connection in try connection.queryFirst(sql, decode) }
    }

    public func queryValue<T: PostgresDecodable>(_ sql: SQL, as type: T.Type = T.self) async throws -> T {
        try await withConnection { connection in try connection.queryValue(sql, as: type) }
    }

    @discardableResult
    public func execute(_ sql: SQL) async throws -> Int {
        try await withConnection { connection in try connection.execute(sql) }
    }

    // MARK: Streaming

    /// Streams a query's rows in batches to `each`, which runs on the caller's task and may
    /// await (a slow client): one connection is held for the whole stream in a read-only
    /// snapshot, and each batch is fetched by its own pool job, so memory holds one batch.
    /// A failure in `each` or a cancelled task rolls the transaction back.
    ///
    /// A consumer that stops taking batches for `idleTimeout` (a client that stopped reading)
    /// has its transaction ended by the server, and the stream fails at the next fetch.
    public func stream<T: Sendable>(
        _ sql: SQL, batchSize: Int = 1000, idleTimeout: Duration = .seconds(60),
        _ decode: @escaping @Sendable (borrowing Row) throws -> T, each: ([T]) async throws -> Void
    ) async throws {
        let lease = try await acquire()
        let held = HeldConnection(lease.connection)
        var failure: (any Error)?
        do {
            let idle = Int(idleTimeout.components.seconds) * 1000
            let cursor = try await run(on: held, first: true) { connection -> Connection.Cursor in
                try connection.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                try connection.run("SET LOCAL idle_in_transaction_session_timeout = \(idle)")
                return try connection.declareCursor(sql)
            }
            while true {
                let rows = try await run(on: held) { connection in try connection.fetch(cursor, batchSize, decode) }
                if !rows.isEmpty { try await each(rows) }
                if rows.count < batchSize { break }
            }
        } catch {
            failure = error
        }
        // Ends the transaction (closing the cursor); a connection left in one is not reused.
        let end = failure == nil ? "COMMIT" : "ROLLBACK"
        let keep = try? await threadPool.runIfActive { () -> Connection? in
            guard let connection = held.connection else { return nil }
            try? connection.run(end)
            return connection.isReusable ? connection : nil
        }
        release(keep ?? nil)
        if let failure { throw failure }
    }

    /// A connection held across several pool jobs (a stream); opened by the first job if the
    /// lease came without one. Only one job touches it at a time.
    private final class HeldConnection: @unchecked Sendable {
        var connection: Connection?
        init(_ connection: Connection?) { self.connection = connection }
    }

    private func run<R: Sendable>(
        on held: HeldConnection, first: Bool = false, _ job: @escaping @Sendable (Connection) throws -> R
    ) async throws -> R {
        try await threadPool.runIfActive { [configuration, logger] in
            if first, let idle = held.connection, !idle.isReusable { held.connection = nil }  // the server closed it while idle
            if held.connection == nil { held.connection = try Connection(configuration: configuration, logger: logger) }
            return try job(held.connection!)
        }
    }

    // MARK: Statistics

    public struct Statistics: Sendable, Equatable {
        /// Connections open or being opened.
        public var open: Int
        public var idle: Int
        /// Requests waiting for a connection now.
        public var waiting: Int
        /// Requests that have had to wait, since start.
        public var waitsTotal: Int
        public var timeoutsTotal: Int
    }

    public var statistics: Statistics {
        state.withLock { s in
            Statistics(
                open: s.open, idle: s.idle.count, waiting: s.waiters.count,
                waitsTotal: s.waitsTotal, timeoutsTotal: s.timeoutsTotal)
        }
    }

    // MARK: Lifecycle

    /// Runs until graceful shutdown, then closes the pool (as a swift-service-lifecycle service).
    public func run() async throws {
        try? await gracefulShutdown()
        try await shutdown()
    }

    /// Fails waiting requests, closes idle connections and stops the threads once the
    /// running jobs have finished.
    public func shutdown() async throws {
        let (idle, waiters) = state.withLock { s -> ([Connection], [Waiter]) in
            s.closed = true
            defer { s.idle = []; s.waiters = [] }
            s.open -= s.idle.count
            return (s.idle, s.waiters)
        }
        for waiter in waiters {
            waiter.continuation.resume(throwing: DatabaseError(kind: .poolClosed, message: "the pool is shut down"))
        }
        withExtendedLifetime(idle) {}  // the last references: each connection closes here
        try await threadPool.shutdownGracefully()
    }

    // MARK: Leases

    /// What a lease hands over: an idle connection, or (nil) the right to open a new one.
    private struct Lease: Sendable {
        let connection: Connection?
    }

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Lease, any Error>
    }

    private struct State: ~Copyable {
        var idle: [Connection] = []
        var open = 0
        var waiters: [Waiter] = []
        var nextWaiterID = 0
        var closed = false
        var waitsTotal = 0
        var timeoutsTotal = 0
    }

    private func acquire() async throws -> Lease {
        let immediate = try state.withLock { s -> Lease? in
            if s.closed { throw DatabaseError(kind: .poolClosed, message: "the pool is shut down") }
            if let connection = s.idle.popLast() { return Lease(connection: connection) }
            if s.open < configuration.poolSize {
                s.open += 1
                return Lease(connection: nil)
            }
            return nil
        }
        if let immediate { return immediate }
        return try await wait()
    }

    private func wait() async throws -> Lease {
        let id = state.withLock { s in
            s.nextWaiterID += 1
            s.waitsTotal += 1
            return s.nextWaiterID
        }
        let timeout = Task { [configuration] in
            try await Task.sleep(for: configuration.acquireTimeout)
            self.failWaiter(id, DatabaseError(kind: .poolTimeout, message: "no database connection became free in time"))
        }
        defer { timeout.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Lease, any Error>) in
                let failure = state.withLock { s -> (any Error)? in
                    if s.closed { return DatabaseError(kind: .poolClosed, message: "the pool is shut down") }
                    if Task.isCancelled { return CancellationError() }
                    // A connection may have come back between `acquire` and here.
                    if let connection = s.idle.popLast() {
                        continuation.resume(returning: Lease(connection: connection))
                        return nil
                    }
                    if s.open < configuration.poolSize {
                        s.open += 1
                        continuation.resume(returning: Lease(connection: nil))
                        return nil
                    }
                    s.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let failure { continuation.resume(throwing: failure) }
            }
        } onCancel: {
            failWaiter(id, CancellationError())
        }
    }

    private func failWaiter(_ id: Int, _ error: any Error) {
        let waiter = state.withLock { s -> Waiter? in
            guard let index = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            if error is DatabaseError { s.timeoutsTotal += 1 }
            return s.waiters.remove(at: index)
        }
        waiter?.continuation.resume(throwing: error)
    }

    /// Returns a connection (or, with nil, its slot) to the pool or to the first waiter.
    private func release(_ connection: Connection?) {
        let handOver = state.withLock { s -> (Waiter, Lease)? in
            if s.closed {
                s.open -= 1
                return nil
            }
            if !s.waiters.isEmpty {
                return (s.waiters.removeFirst(), Lease(connection: connection))
            }
            if let connection {
                s.idle.append(connection)
            } else {
                s.open -= 1
            }
            return nil
        }
        if let (waiter, lease) = handOver {
            waiter.continuation.resume(returning: lease)
        }
    }
}
