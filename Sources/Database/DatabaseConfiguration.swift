import CLibPQ
import Foundation

/// How to reach PostgreSQL and how many connections to keep.
public struct DatabaseConfiguration: Sendable {
    /// A libpq connection string or `postgresql://` URL. When nil, libpq reads its own
    /// `PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSERVICE`… variables
    /// and service files, exactly as `psql` does.
    public var url: String?
    /// A database name that replaces the one in `url` (or `PGDATABASE`).
    public var databaseName: String?
    /// Connections (and threads running their blocking calls) kept by the pool.
    public var poolSize: Int
    /// The server cancels any statement running longer than this (`statement_timeout`).
    public var statementTimeout: Duration?
    /// How long a request waits for a free connection before it fails.
    public var acquireTimeout: Duration
    public var applicationName: String
    /// More libpq keywords, given before the URL (which may override them).
    public var extraParameters: [(key: String, value: String)] = []

    public init(
        url: String? = nil,
        databaseName: String? = nil,
        poolSize: Int = 8,
        statementTimeout: Duration? = .seconds(10),
        acquireTimeout: Duration = .seconds(10),
        applicationName: String = "pledgetrack"
    ) {
        self.url = url
        self.databaseName = databaseName
        self.poolSize = poolSize
        self.statementTimeout = statementTimeout
        self.acquireTimeout = acquireTimeout
        self.applicationName = applicationName
    }

    /// Keywords and values for `PQconnectdbParams`. Later entries win, so the URL comes
    /// last and overrides the defaults before it; a default is only given where the
    /// matching libpq variable is unset, so `PGCONNECT_TIMEOUT` and `PGAPPNAME` still work.
    /// What is wrong with a connection string, as libpq says it, or nil when libpq can read it.
    /// Checked at start, so a mistyped `DATABASE_URL` stops the start instead of looking like a
    /// database that is down.
    public static func problem(in url: String) -> String? {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &message) else {
            defer { if let message { PQfreemem(message) } }
            return message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "libpq cannot read it"
        }
        PQconninfoFree(options)
        return nil
    }

    func connectionParameters(
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> (keys: [String], values: [String])
    {
        var keys: [String] = []
        var values: [String] = []
        if environment["PGAPPNAME"] == nil {
            keys.append("application_name")
            values.append(applicationName)
        }
        if environment["PGCONNECT_TIMEOUT"] == nil {
            keys.append("connect_timeout")
            values.append("5")
        }
        for (key, value) in extraParameters {
            keys.append(key)
            values.append(value)
        }
        if let url, !url.isEmpty {
            keys.append("dbname")
            values.append(url)
        }
        if let databaseName {
            // Only the first `dbname` is read as a connection string; a later one is a plain
            // name, and the last one wins.
            keys.append("dbname")
            values.append(databaseName)
        }
        return (keys, values)
    }

    /// Run once on every new connection: the app reads and writes timestamps in UTC and ISO form.
    var sessionSetup: String {
        // client_min_messages: the server's NOTICEs ("already exists, skipping") are not the
        // app's business; warnings and errors still come through.
        var sql = "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET client_min_messages = warning;"
        if let statementTimeout {
            let ms =
                statementTimeout.components.seconds * 1000
                + statementTimeout.components.attoseconds / 1_000_000_000_000_000
            sql += " SET statement_timeout = \(max(ms, 1));"
        }
        return sql
    }
}
