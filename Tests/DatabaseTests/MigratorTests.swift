import Database
import Foundation
import TestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    static let first = Migrator.Migration(version: 1, fileName: "0001_item.sql", sql: "CREATE TABLE item (n int);")
    static let second = Migrator.Migration(
        version: 2, fileName: "0002_seed.sql", sql: "INSERT INTO item VALUES (1); INSERT INTO item VALUES (2);")

    @Test("apply in order, once, and record each with its checksum")
    func appliesOnce() async throws {
        try await TestServer.withDatabase { pool in
            let migrator = Migrator(migrations: [Self.second, Self.first])
            #expect(try await migrator.migrate(pool, logger: TestServer.logger) == ["0001_item.sql", "0002_seed.sql"])
            #expect(try await migrator.migrate(pool, logger: TestServer.logger) == [])
            #expect(try await pool.queryValue("SELECT count(*)::int FROM item", as: Int.self) == 2)
            let recorded = try await pool.query("SELECT file_name, length(checksum) FROM schema_migration ORDER BY version") { row in
                "\(try row.decode(0, as: String.self)):\(try row.decode(1, as: Int.self))"
            }
            #expect(recorded == ["0001_item.sql:64", "0002_seed.sql:64"])
        }
    }

    @Test("schema.sql beside the migrations is for reading: never applied, and not a misnamed file")
    func schemaFileIsSkipped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.first.sql.utf8).write(to: folder.appendingPathComponent("0001_item.sql"))
        try Data("this is not SQL to apply".utf8).write(to: folder.appendingPathComponent("schema.sql"))
        let migrator = try Migrator(folder: folder.path)
        #expect(migrator.migrations.map(\.fileName) == ["0001_item.sql"])
    }

    @Test("an applied file that was edited stops the migration, naming the file")
    func editedFileStops() async throws {
        try await TestServer.withDatabase { pool in
            try await Migrator(migrations: [Self.first]).migrate(pool, logger: TestServer.logger)
            let edited = Migrator.Migration(version: 1, fileName: "0001_item.sql", sql: "CREATE TABLE item (n bigint);")
            let failure = await #expect(throws: Migrator.MigrationError.self) {
                try await Migrator(migrations: [edited, Self.second]).migrate(pool, logger: TestServer.logger)
            }
            #expect(failure == .edited(fileName: "0001_item.sql"))
            #expect(failure?.description.contains("0001_item.sql") == true)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM schema_migration", as: Int.self) == 1)
        }
    }

    @Test("a failing file leaves nothing of itself behind; the ones before it stay applied")
    func failingFileRollsBack() async throws {
        try await TestServer.withDatabase { pool in
            let broken = Migrator.Migration(
                version: 2, fileName: "0002_broken.sql",
                sql: "INSERT INTO item VALUES (1); INSERT INTO nowhere VALUES (1);")
            let failure = await #expect(throws: Migrator.MigrationError.self) {
                try await Migrator(migrations: [Self.first, broken]).migrate(pool, logger: TestServer.logger)
            }
            guard case .failed(let name, _)? = failure else { Issue.record("expected .failed"); return }
            #expect(name == "0002_broken.sql")
            let items = try await pool.queryValue("SELECT count(*)::int FROM item", as: Int.self)
            #expect(items == 0)
            let recorded = try await pool.query("SELECT file_name FROM schema_migration") { try $0.decode(0, as: String.self) }
            #expect(recorded == ["0001_item.sql"])
        }
    }

    @Test("instances starting together take turns: each file is applied exactly once")
    func concurrentInstances() async throws {
        try await TestServer.withDatabase(poolSize: 4) { pool in
            let slow = Migrator.Migration(version: 3, fileName: "0003_slow.sql", sql: "SELECT pg_sleep(0.2); INSERT INTO item VALUES (3);")
            let migrator = Migrator(migrations: [Self.first, Self.second, slow])
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 1...3 { group.addTask { try await migrator.migrate(pool, logger: TestServer.logger) } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(applied.sorted() == ["0001_item.sql", "0002_seed.sql", "0003_slow.sql"])
            #expect(try await pool.queryValue("SELECT count(*)::int FROM item", as: Int.self) == 3)
        }
    }

    @Test("files are read from a folder; badly named files are refused")
    func folder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mig-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "CREATE TABLE a ();".write(toFile: folder + "/0002_b.sql", atomically: true, encoding: .utf8)
        try "CREATE TABLE b ();".write(toFile: folder + "/0001_a.sql", atomically: true, encoding: .utf8)
        try "notes".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        #expect(try Migrator(folder: folder).migrations.map(\.fileName) == ["0001_a.sql", "0002_b.sql"])
        try "x".write(toFile: folder + "/3_Bad Name.sql", atomically: true, encoding: .utf8)
        #expect(throws: Migrator.MigrationError.badFileName("3_Bad Name.sql")) { try Migrator(folder: folder) }
    }

    @Test("the project's own migrations apply to an empty database and load the reference data")
    func projectMigrations() async throws {
        try await TestServer.withDatabase { pool in
            try await Migrator(folder: TestServer.migrationsFolder).migrate(pool, logger: TestServer.logger)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM measure", as: Int.self) == 20)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM measure_theme", as: Int.self) == 7)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM sdg_target", as: Int.self) == 6)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM gcm_action", as: Int.self) == 10)
            #expect(
                try await pool.queryValue("SELECT count(*)::int FROM country WHERE region_code IS NULL AND iso3 <> 'ATA'", as: Int.self)
                    == 0)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM country", as: Int.self) > 240)
        }
    }
}
