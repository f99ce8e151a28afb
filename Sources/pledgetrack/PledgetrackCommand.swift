import ArgumentParser
import Database
import Foundation
import Hummingbird
import Logging
import PledgetrackApp

@main
struct PledgetrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledgetrack",
        abstract: "Follows the pledges on protection from trafficking. Settings come from environment variables (see README).",
        subcommands: [Serve.self, Migrate.self],
        defaultSubcommand: Serve.self)
}

/// Reads the configuration, or stops with a message naming the bad variable.
func loadConfiguration() throws -> (AppConfiguration, Logger) {
    do {
        let config = try AppConfiguration.fromEnvironment()
        var logger = Logger(label: "pledgetrack")
        logger.logLevel = config.logLevel
        return (config, logger)
    } catch {
        throw ValidationError("\(error)")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate (unless MIGRATE_ON_START=false) and serve the app.")

    func run() async throws {
        let (config, logger) = try loadConfiguration()
        let app = try buildApplication(config, logger: logger)
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the migrations that have not been applied, and exit.")

    func run() async throws {
        let (config, logger) = try loadConfiguration()
        let migrator = try Migrator(folder: config.migrationsDirectory)
        let pool = ConnectionPool(configuration: config.database, logger: logger)
        do {
            let applied = try await migrator.migrate(pool, logger: logger)
            print(applied.isEmpty ? "The database is up to date." : "Applied \(applied.count) migration(s).")
            try await pool.shutdown()
        } catch {
            try? await pool.shutdown()
            throw error
        }
    }
}
