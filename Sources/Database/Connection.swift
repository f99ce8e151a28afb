import CLibPQ
import Foundation
import Logging
import Metrics

/// One PostgreSQL connection through libpq. Every method blocks: call them only inside a
/// `ConnectionPool` job, which runs on the pool's own threads, never on an event loop.
///
/// `@unchecked Sendable` invariant: only the current lease holder touches a connection, inside
/// one thread-pool job at a time; the pool hands it from job to job under its lock.
public final class Connection: @unchecked Sendable {
    let handle: OpaquePointer  // internal: the notification listener polls its socket
    private var statements: [String: String] = [:]  // SQL text → prepared statement name
    private var transactionDepth = 0
    private let logger: Logger

    /// Prepared statements kept per connection before the cache is cleared (dynamic filters can
    /// make many distinct statements; the app's fixed ones are far fewer).
    static let statementCacheLimit = 256

    /// Opens a connection and sets the session up (UTC, ISO dates, statement timeout).
    public init(configuration: DatabaseConfiguration, logger: Logger) throws {
        let (keys, values) = configuration.connectionParameters()
        let handle = withCStrings(keys) { k in
            withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let handle else {
            throw DatabaseError(kind: .connectionFailed, message: "libpq could not allocate a connection")
        }
        self.handle = handle
        self.logger = logger
        guard PQstatus(handle) == CONNECTION_OK else {
            throw DatabaseError(kind: .connectionFailed, message: lastErrorMessage)
        }
        try run(configuration.sessionSetup)
    }

    deinit {
        PQfinish(handle)
    }

    // MARK: Queries

    /// Runs a statement and decodes each row with `decode`.
    public func query<T>(_ sql: SQL, _ decode: (borrowing Row) throws -> T) throws -> [T] {
        let result = try execute(prepared: sql)
        defer { PQclear(result) }
        let count = PQntuples(result)
        var rows: [T] = []
        rows.reserveCapacity(Int(count))
        for index in 0..<count {
            rows.append(try decode(Row(result: result, index: index)))
        }
        return rows
    }

    public func query<T: RowDecodable>(_ sql: SQL, as type: T.Type) throws -> [T] {
        try query(sql) { row in try T(row: row) }
    }

    /// The first row, or nil when there is none.
    public func queryFirst<T>(_ sql: SQL, _ decode: (borrowing Row) throws -> T) throws -> T? {
        let result = try execute(prepared: sql)
        defer { PQclear(result) }
        guard PQntuples(result) > 0 else { return nil }
        return try decode(Row(result: result, index: 0))
    }

    /// The single value of a one-row, one-column statement such as `SELECT count(*) …`.
    public func queryValue<T: PostgresDecodable>(_ sql: SQL, as type: T.Type = T.self) throws -> T {
        guard let value = try queryFirst(sql, { row in try row.decode(0, as: T.self) }) else {
            throw DatabaseError(kind: .decoding, message: "the statement returned no row")
        }
        return value
    }

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        let result = try execute(prepared: sql)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs trusted SQL text with no parameters, possibly several statements (migrations).
    public func run(_ script: String) throws {
        let result = PQexec(handle, script)
        defer { PQclear(result) }
        try check(result)
    }

    // MARK: Cursors

    /// A cursor opened by `declareCursor`, read with `fetch`.
    public struct Cursor: Sendable {
        /// One name for every cursor: a connection reads one at a time, and closes it (or its
        /// transaction ends) before the next; so each query stays one prepared statement.
        fileprivate static let name = "pledgetrack_cursor"
    }

    /// Reads a query's rows in batches of `batchSize` through a server-side cursor and hands
    /// each batch to `each`, so memory holds one batch however many rows there are. Runs in a
    /// transaction (a savepoint inside one already open), which the cursor needs.
    public func forEachBatch<T>(
        _ sql: SQL, batchSize: Int = 1000, _ decode: (borrowing Row) throws -> T, each: ([T]) throws -> Void
    ) throws {
        try transaction { connection in
            let cursor = try connection.declareCursor(sql)
            while true {
                let rows = try connection.fetch(cursor, batchSize, decode)
                if !rows.isEmpty { try each(rows) }
                if rows.count < batchSize { break }
            }
            try connection.close(cursor)
        }
    }

    /// Opens a cursor over `sql` in the current transaction.
    public func declareCursor(_ sql: SQL) throws -> Cursor {
        // DECLARE takes parameters like the query it wraps.
        try execute("DECLARE pledgetrack_cursor NO SCROLL CURSOR FOR " + sql)
        return Cursor()
    }

    /// The next `count` rows of the cursor (fewer at the end).
    public func fetch<T>(_ cursor: Cursor, _ count: Int, _ decode: (borrowing Row) throws -> T) throws -> [T] {
        precondition(count > 0)
        let result = PQexec(handle, "FETCH FORWARD \(count) FROM \(Cursor.name)")
        defer { PQclear(result) }
        try check(result)
        guard let result else { return [] }
        let rows = PQntuples(result)
        var out: [T] = []
        out.reserveCapacity(Int(rows))
        for index in 0..<rows { out.append(try decode(Row(result: result, index: index))) }
        return out
    }

    public func close(_ cursor: Cursor) throws {
        try run("CLOSE \(Cursor.name)")
    }

    // MARK: Transactions

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Nested calls become savepoints.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        let savepoint = "sp\(transactionDepth)"
        try run(transactionDepth == 0 ? "BEGIN" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        let value: T
        do {
            value = try body(self)
        } catch {
            transactionDepth -= 1
            if PQstatus(handle) == CONNECTION_OK {
                try? run(transactionDepth == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(savepoint)")
            }
            throw error
        }
        transactionDepth -= 1
        // A failed COMMIT ends the transaction by itself (rolled back): nothing to undo here.
        try run(transactionDepth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
        return value
    }

    // MARK: Health

    /// True when the connection can be handed to the next lease: open, and not inside a
    /// transaction. Reads whatever the server sent while it sat idle, so a connection the
    /// server closed (a restart, an administrator) is noticed here, before it is used: the
    /// first read takes in the server's goodbye message, parsing it (`PQisBusy`) consumes it,
    /// and the second read meets the closed socket. Neither read blocks.
    var isReusable: Bool {
        guard PQconsumeInput(handle) == 1 else { return false }
        _ = PQisBusy(handle)
        guard PQconsumeInput(handle) == 1 else { return false }
        return PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    // MARK: libpq

    private func execute(prepared sql: SQL) throws -> OpaquePointer {
        if logger.logLevel <= .trace { logger.trace("query", metadata: ["sql": "\(sql.text)"]) }
        if sql.bindings.contains(where: { $0?.utf8.contains(0) == true }) {
            throw DatabaseError(kind: .other, message: "a value contains a NUL character, which PostgreSQL text cannot hold")
        }
        let started = ContinuousClock.now
        do {
            let result = try executeOnce(sql)
            Timer(label: "pledgetrack_db_query_duration").record(duration: ContinuousClock.now - started)
            return result
        } catch let error as DatabaseError {
            Counter(label: "pledgetrack_db_errors", dimensions: [("sqlstate", error.sqlState ?? "none")]).increment()
            throw error
        }
    }

    private func executeOnce(_ sql: SQL) throws -> OpaquePointer {
        let name = try preparedName(for: sql)
        do {
            return try execute(statement: name, bindings: sql.bindings)
        } catch let error as DatabaseError where error.sqlState == "0A000" || error.sqlState == "26000" {
            // The plan went stale (the schema changed under it) or the statement is gone:
            // prepare it again once.
            statements[sql.text] = nil
            return try execute(statement: try preparedName(for: sql), bindings: sql.bindings)
        }
    }

    /// The result of a prepared statement; the caller owns (and clears) it.
    private func execute(statement name: String, bindings: [String?]) throws -> OpaquePointer {
        let result = withOptionalCStrings(bindings) { values in
            PQexecPrepared(handle, name, Int32(bindings.count), values, nil, nil, 0)
        }
        do {
            return try check(result)
        } catch {
            PQclear(result)
            throw error
        }
    }

    private func preparedName(for sql: SQL) throws -> String {
        if let name = statements[sql.text] { return name }
        if statements.count >= Self.statementCacheLimit {
            try run("DEALLOCATE ALL")
            statements.removeAll(keepingCapacity: true)
        }
        let name = "s\(statements.count + 1)"
        let result = PQprepare(handle, name, sql.text, Int32(sql.bindings.count), nil)
        defer { PQclear(result) }
        try check(result)
        statements[sql.text] = name
        return name
    }

    /// Throws the error a result carries; returns the result when it is a success.
    /// Never clears the result: whoever called libpq owns it.
    @discardableResult
    private func check(_ result: OpaquePointer?) throws -> OpaquePointer {
        guard let result else {
            throw DatabaseError(kind: connectionKind, message: lastErrorMessage)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            guard let state = field(result, "C") else {
                throw DatabaseError(kind: connectionKind, message: lastErrorMessage)
            }
            throw DatabaseError(
                sqlState: state,
                message: field(result, "M") ?? lastErrorMessage,
                detail: field(result, "D"),
                constraint: field(result, "n")
            )
        }
    }

    private var connectionKind: DatabaseError.Kind {
        PQstatus(handle) == CONNECTION_OK ? .other : .connectionLost
    }

    private func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        PQresultErrorField(result, Int32(code.value)).map { String(cString: $0) }
    }

    private var lastErrorMessage: String {
        PQerrorMessage(handle).map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown libpq error"
    }
}

/// Calls `body` with C strings that live exactly as long as the call.
func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    withOptionalCStrings(strings, body)
}

func withOptionalCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } } + [nil])
}
