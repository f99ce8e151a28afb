import ArgumentParser
import Database
import Foundation
import Hummingbird
import Logging
import PledgetrackApp
import ServiceLifecycle
import UnixSignals

@main
struct PledgetrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledgetrack",
        abstract: "Follows the pledges on protection from trafficking. Settings come from environment variables (see README).",
        subcommands: [Serve.self, Migrate.self, CreateAdmin.self, Demo.self, GenerateLarge.self],
        defaultSubcommand: Serve.self)
}

/// Runs `body` with a migrated database and a password hasher, and closes both afterwards,
/// also when `body` fails: the set-up every command but `serve` needs.
func withMigratedDatabase(_ body: (AppConfiguration, ConnectionPool, PasswordHasher) async throws -> Void) async throws {
    let (config, logger) = try loadConfiguration()
    let pool = ConnectionPool(configuration: config.database, logger: logger)
    let hasher = PasswordHasher()
    do {
        try await Migrator(folder: config.migrationsDirectory).migrate(pool, logger: logger)
        try await body(config, pool, hasher)
    } catch {
        try? await hasher.shutdown()
        try? await pool.shutdown()
        throw error
    }
    try await hasher.shutdown()
    try await pool.shutdown()
}

/// Reads the configuration, or stops with a message naming the bad variable.
func loadConfiguration() throws -> (AppConfiguration, Logger) {
    do {
        let config = try AppConfiguration.fromEnvironment()
        if config.logFormat == .json { LoggingSystem.bootstrap { label in JSONLogHandler(label: label) } }
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
        // SIGTERM or SIGINT: stop accepting connections, let requests in flight finish, close
        // the pool. Whatever is still running after 20 s is cancelled (an orchestrator's grace
        // period is 30 s by default), and after 5 more the process ends regardless.
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(20)
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the migrations that have not been applied, and exit.")

    func run() async throws {
        try await withMigratedDatabase { _, _, _ in print("The database is up to date.") }
    }
}

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an admin account and print a one-time link (72 hours) to set its password.")

    @Option(help: "The admin's e-mail address (the sign-in name).") var email: String
    @Option(help: "The name others see.") var name: String

    func run() async throws {
        do {
            try await withMigratedDatabase { config, pool, _ in
                let link = try await AdminBootstrap.createAdmin(email: email, name: name, publicURL: config.publicURL, on: pool)
                print("Admin account created. Open this link within 72 hours to set the password:\n\(link)")
            }
        } catch let failure as AdminBootstrap.Failure {
            throw ValidationError(failure.description)
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo data into a database without accounts, and print the demo accounts.")

    func run() async throws {
        try await withMigratedDatabase { _, pool, hasher in
            if try await DemoData.loadIfEmpty(pool, hasher: hasher) { print("Demo data loaded.") }
            let accounts = try await DemoData.presentAccounts(pool)
            guard !accounts.isEmpty else { return }
            print("Demo accounts (demo only; admin and secretariat set up a second factor at first sign-in):")
            for account in accounts {
                let roles = account.roles.map(\.rawValue).joined(separator: ", ")
                print(
                    "  \(account.email.padding(toLength: 40, withPad: " ", startingAt: 0)) \(account.password.padding(toLength: 30, withPad: " ", startingAt: 0)) \(roles)"
                )
            }
        }
    }
}

struct GenerateLarge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-large",
        abstract: "Load the benchmark's large data set (10,000 pledges, 60,000 milestones, 2,000 users) into a database without pledges.")

    @Option(help: "The password of every generated user.") var password = "generated-user-password"
    @Option(help: "How many times the set (10: 100,000 pledges and 600,000 milestones).") var scale = 1

    func run() async throws {
        guard scale >= 1 else { throw ValidationError("--scale must be 1 or more.") }
        try await withMigratedDatabase { _, pool, hasher in
            let started = ContinuousClock.now
            let loaded = try await LargeDataSet.load(.times(scale), passwordHash: try await hasher.hash(password), on: pool)
            print(
                loaded ? "Large data set loaded in \(ContinuousClock.now - started)." : "The database has pledges already: nothing loaded.")
        }
    }
}
