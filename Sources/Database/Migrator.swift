import Foundation
import Logging

/// Applies the plain SQL files of a folder, in order, each in its own transaction, and records
/// each with a checksum in `schema_migration`.
///
/// Files are named `NNNN_what.sql`. A file that was applied and later edited stops the
/// migration with a message naming it: applied migrations are history and are never changed;
/// write a new one instead. A session-level advisory lock makes instances that start at the
/// same time take turns, so only one of them migrates.
public struct Migrator: Sendable {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let fileName: String
        public let sql: String

        public init(version: Int, fileName: String, sql: String) {
            self.version = version
            self.fileName = fileName
            self.sql = sql
        }
    }

    public enum MigrationError: Error, Equatable, CustomStringConvertible {
        case unreadableFolder(String)
        case badFileName(String)
        case duplicateVersion(Int, String, String)
        case edited(fileName: String)
        case failed(fileName: String, message: String)

        public var description: String {
            switch self {
            case .unreadableFolder(let path):
                return "cannot read the migrations folder \(path)"
            case .badFileName(let name):
                return "migration file \(name) is not named NNNN_what.sql (four digits, lower-case words)"
            case .duplicateVersion(let version, let a, let b):
                return "migrations \(a) and \(b) share the number \(version)"
            case .edited(let name):
                return "migration \(name) was changed after it was applied; restore it and put the change in a new migration"
            case .failed(let name, let message):
                return "migration \(name) failed: \(message)"
            }
        }
    }

    /// An arbitrary, fixed key for `pg_advisory_lock`: "pledgetrack migrations".
    static let lockKey: Int64 = 0x706C_6564_6765

    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The schema as it stands after the last migration, kept beside them for reading
    /// (`scripts/schema` writes it); never applied.
    public static let schemaFileName = "schema.sql"

    /// Reads every `.sql` file of a folder but `schema.sql`.
    public init(folder: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw MigrationError.unreadableFolder(folder)
        }
        var byVersion: [Int: Migration] = [:]
        for name in names where name.hasSuffix(".sql") && name != Self.schemaFileName {
            guard let version = Self.version(ofFileName: name) else { throw MigrationError.badFileName(name) }
            if let other = byVersion[version] {
                throw MigrationError.duplicateVersion(version, other.fileName, name)
            }
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw MigrationError.unreadableFolder(path)
            }
            byVersion[version] = Migration(version: version, fileName: name, sql: String(decoding: data, as: UTF8.self))
        }
        self.init(migrations: Array(byVersion.values))
    }

    static func version(ofFileName name: String) -> Int? {
        let parts = name.dropLast(4).split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), let version = Int(parts[0]),
            parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else { return nil }
        return version
    }

    /// The files not yet applied, without applying them (for instances that leave migrating
    /// to a separate job).
    public func pending(_ pool: ConnectionPool) async throws -> [String] {
        let exists = try await pool.queryValue("SELECT to_regclass('schema_migration') IS NOT NULL", as: Bool.self)
        guard exists else { return migrations.map(\.fileName) }
        let applied = Set(try await pool.query("SELECT version FROM schema_migration") { row in try row.decode(0, as: Int.self) })
        return migrations.filter { !applied.contains($0.version) }.map(\.fileName)
    }

    /// Applies what has not been applied; returns the file names it applied.
    @discardableResult
    public func migrate(_ pool: ConnectionPool, logger: Logger) async throws -> [String] {
        try await pool.withConnection { connection in try self.migrate(connection, logger: logger) }
    }

    /// The same, on a connection the caller holds.
    public func migrate(_ connection: Connection, logger: Logger) throws -> [String] {
        try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        try connection.run(
            """
            CREATE TABLE IF NOT EXISTS schema_migration (
                version    integer PRIMARY KEY,
                file_name  text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let applied = try Dictionary(
            uniqueKeysWithValues: connection.query(
                "SELECT version, checksum FROM schema_migration"
            ) { row in (try row.decode(0, as: Int.self), try row.decode(1, as: String.self)) })

        var done: [String] = []
        for migration in migrations {
            let checksum = try connection.queryValue(
                "SELECT encode(sha256(convert_to(\(migration.sql)::text, 'UTF8')), 'hex')", as: String.self)
            if let recorded = applied[migration.version] {
                guard recorded == checksum else { throw MigrationError.edited(fileName: migration.fileName) }
                continue
            }
            do {
                try connection.transaction { tx in
                    try tx.run(migration.sql)
                    try tx.execute(
                        """
                        INSERT INTO schema_migration (version, file_name, checksum)
                        VALUES (\(migration.version), \(migration.fileName), \(checksum))
                        """)
                }
            } catch let error as DatabaseError where !error.isUnavailable {
                throw MigrationError.failed(fileName: migration.fileName, message: error.description)
            }
            logger.info("applied migration", metadata: ["file": "\(migration.fileName)"])
            done.append(migration.fileName)
        }
        let known = Set(migrations.map(\.version))
        for version in applied.keys.sorted() where !known.contains(version) {
            logger.warning("the database has a migration this build does not know", metadata: ["version": "\(version)"])
        }
        return done
    }
}
