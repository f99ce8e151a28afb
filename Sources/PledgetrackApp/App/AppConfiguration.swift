import Database
import Foundation
import Logging

/// Every setting of the app, read from the environment once at start and validated there:
/// a bad value stops the start with a message naming the variable.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseConfiguration
    public var publicDirectory: String
    public var migrationsDirectory: String
    public var migrateOnStart: Bool
    public var logLevel: Logger.Level
    /// `text` (readable lines) or `json` (one JSON object a line, for a log collector).
    public var logFormat: LogFormat = .text
    /// Cookies with `Secure` and the `__Host-` prefix. Off only for plain-HTTP development on
    /// a loopback address.
    public var secureCookies: Bool
    /// Read the client's address and scheme from the reverse proxy's X-Forwarded-* headers.
    public var trustProxy: Bool
    /// The address people reach the app at, for links shown to be copied (invitations).
    public var publicURL: String
    /// The program that prints the meeting brief to PDF (`PDF_ENGINE`): a path, "none", or nil
    /// to look for Chromium in the usual places.
    public var pdfEngine: String?
    /// Encrypts stored authenticator secrets (`SECOND_FACTOR_KEY`, 32 bytes base64). Required
    /// unless the app listens on a loopback address only, where a fixed development key serves.
    public var secondFactorKey: SecondFactorKey = .development
    /// A bearer token `/metrics` requires (`METRICS_TOKEN`); unset, `/metrics` answers only
    /// requests from the machine itself that came through no proxy.
    public var metricsToken: String?

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseConfiguration = DatabaseConfiguration(),
        publicDirectory: String = "Public",
        migrationsDirectory: String = "Migrations",
        migrateOnStart: Bool = true,
        logLevel: Logger.Level = .info,
        secureCookies: Bool = true,
        trustProxy: Bool = false,
        publicURL: String = "http://127.0.0.1:8080"
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.publicDirectory = publicDirectory
        self.migrationsDirectory = migrationsDirectory
        self.migrateOnStart = migrateOnStart
        self.logLevel = logLevel
        self.secureCookies = secureCookies
        self.trustProxy = trustProxy
        self.publicURL = publicURL
    }

    public enum LogFormat: String, Sendable {
        case text, json
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let variable: String
        public let value: String
        public let expected: String
        public var description: String { "\(variable)=\(value) is not valid: expected \(expected)" }
    }

    /// Reads the variables documented in the README's configuration table.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Self {
        var config = AppConfiguration()
        let reader = EnvironmentReader(env: env)
        config.host = reader.string("HOST") ?? config.host
        config.port = try reader.integer("PORT", in: 1...65535) ?? config.port
        config.database.url = reader.string("DATABASE_URL")
        if let url = config.database.url, let problem = DatabaseConfiguration.problem(in: url) {
            // The value is not repeated: it may hold a password.
            throw Invalid(
                variable: "DATABASE_URL", value: "(the value set)", expected: "a libpq connection string or postgresql:// URL (\(problem))")
        }
        config.database.poolSize = try reader.integer("DATABASE_POOL_SIZE", in: 1...200) ?? config.database.poolSize
        if let ms = try reader.integer("DATABASE_STATEMENT_TIMEOUT_MS", in: 0...3_600_000) {
            config.database.statementTimeout = ms == 0 ? nil : .milliseconds(ms)
        }
        config.publicDirectory = reader.string("PUBLIC_DIR") ?? config.publicDirectory
        config.migrationsDirectory = reader.string("MIGRATIONS_DIR") ?? config.migrationsDirectory
        config.migrateOnStart = try reader.boolean("MIGRATE_ON_START") ?? config.migrateOnStart
        if let level = reader.string("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw Invalid(variable: "LOG_LEVEL", value: level, expected: "trace, debug, info, notice, warning, error or critical")
            }
            config.logLevel = parsed
        }
        if let format = reader.string("LOG_FORMAT") {
            guard let parsed = LogFormat(rawValue: format.lowercased()) else {
                throw Invalid(variable: "LOG_FORMAT", value: format, expected: "text or json")
            }
            config.logFormat = parsed
        }
        config.secureCookies = try reader.boolean("SECURE_COOKIES") ?? true
        if !config.secureCookies, !["127.0.0.1", "localhost", "::1"].contains(config.host) {
            throw Invalid(
                variable: "SECURE_COOKIES", value: "false", expected: "true unless HOST is a loopback address (127.0.0.1, localhost, ::1)")
        }
        config.trustProxy = try reader.boolean("TRUST_PROXY") ?? false
        config.publicURL = reader.string("PUBLIC_URL") ?? "http://\(config.host):\(config.port)"
        guard config.publicURL.hasPrefix("http://") || config.publicURL.hasPrefix("https://") else {
            throw Invalid(variable: "PUBLIC_URL", value: config.publicURL, expected: "an http:// or https:// address")
        }
        if config.publicURL.hasSuffix("/") { config.publicURL.removeLast() }
        config.pdfEngine = reader.string("PDF_ENGINE")
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(config.host)
        if let text = reader.string("SECOND_FACTOR_KEY") {
            // The value is not repeated: it is a secret.
            guard let key = SecondFactorKey(base64: text) else {
                throw Invalid(
                    variable: "SECOND_FACTOR_KEY", value: "(the value set)", expected: "32 random bytes in base64 (openssl rand -base64 32)"
                )
            }
            config.secondFactorKey = key
        } else if !loopback {
            throw Invalid(
                variable: "SECOND_FACTOR_KEY", value: "(unset)",
                expected: "32 random bytes in base64 (openssl rand -base64 32); only a loopback HOST may go without")
        }
        if let token = reader.string("METRICS_TOKEN") {
            guard token.utf8.count >= 20 else {
                throw Invalid(variable: "METRICS_TOKEN", value: "(the value set)", expected: "at least 20 characters")
            }
            config.metricsToken = token
        }
        return config
    }
}

/// Reads typed values from environment variables; empty counts as unset.
struct EnvironmentReader {
    let env: [String: String]

    func string(_ name: String) -> String? {
        guard let value = env[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw AppConfiguration.Invalid(
                variable: name, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func boolean(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw AppConfiguration.Invalid(variable: name, value: text, expected: "true or false")
        }
    }
}
