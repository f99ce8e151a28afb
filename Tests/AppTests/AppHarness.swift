import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport

@testable import PledgetrackApp

/// Builds the real router (the same `buildRouter` production uses) over a fresh migrated
/// database and drives it in memory.
enum AppHarness {
    static let publicFolder = URL(fileURLWithPath: TestServer.migrationsFolder)
        .deletingLastPathComponent().appendingPathComponent("Public").path

    static var configuration: AppConfiguration {
        AppConfiguration(publicDirectory: publicFolder, migrationsDirectory: TestServer.migrationsFolder)
    }

    /// One password hasher for the whole test run (its threads are not worth making per test).
    static let hasher = PasswordHasher()

    static func withApp(
        readiness: Readiness.State = .ready,
        configuration: AppConfiguration = configuration,
        _ test: @Sendable (any TestClientProtocol, AppServices) async throws -> Void
    ) async throws {
        try await TestServer.withMigratedDatabase { pool in
            let services = AppServices(pool: pool, readiness: Readiness(readiness), hasher: hasher)
            try await withApp(services, configuration: configuration, test)
        }
    }

    static func withApp(
        _ services: AppServices,
        configuration: AppConfiguration = configuration,
        _ test: @Sendable (any TestClientProtocol, AppServices) async throws -> Void
    ) async throws {
        let router = buildRouter(services, config: configuration, logger: TestServer.logger)
        let app = Application(router: router, logger: TestServer.logger)
        try await app.test(.router) { client in try await test(client, services) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// People for tests: accounts made directly in the database and sessions started the way
/// sign-in starts them, so tests that are not about signing in skip bcrypt's quarter second.
enum People {
    static let password = "correct horse battery staple"
    /// bcrypt (cost 12) of `password`, made once for the run.
    static let passwordHash = Task { try await AppHarness.hasher.hash(password) }

    /// A signed-in browser: its session cookie and the CSRF token its forms carry.
    struct Browser: Sendable {
        let userID: Int
        let cookie: String
        let csrf: String

        var headers: HTTPFields {
            var fields = HTTPFields()
            fields[.cookie] = cookie
            return fields
        }

        /// The token as a page would carry it: masked afresh (`CSRFToken`), as forms post it.
        var masked: String { CSRFToken.mask(csrf) }

        /// Headers and body of a form post with this browser's token and the given fields.
        func post(_ fields: [String: String] = [:]) -> (HTTPFields, ByteBuffer) {
            var headers = self.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            var all = fields
            if all["csrf_token"] == nil { all["csrf_token"] = masked }
            return (headers, ByteBuffer(string: People.encode(all)))
        }
    }

    static func encode(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map { key, value in
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            return "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    @discardableResult
    static func make(
        _ pool: ConnectionPool, _ email: String, roles: [Role], entities: [Int] = [], name: String? = nil, withPassword: Bool = true
    ) async throws -> Int {
        let hash: String? = withPassword ? try await passwordHash.value : nil
        return try await pool.transaction { connection in
            let id = try connection.queryValue(
                """
                INSERT INTO app_user (email, display_name, password_hash) VALUES (\(email), \(name ?? email), \(hash)) RETURNING id
                """, as: Int.self)
            try AccountWrites.setRolesAndEntities(userID: id, roles: Set(roles), entityIDs: Set(entities), on: connection)
            return id
        }
    }

    static func entity(_ pool: ConnectionPool, _ name: String) async throws -> Int {
        try await pool.queryValue("INSERT INTO entity (name, kind) VALUES (\(name), 'civil_society') RETURNING id", as: Int.self)
    }

    /// A session for a user, as after a successful sign-in (and second factor, unless told).
    static func signIn(
        _ pool: ConnectionPool, _ userID: Int, idle: Duration = .seconds(1800), secondFactorDone: Bool = true
    ) async throws -> Browser {
        try await pool.withConnection { connection in
            let token = try SessionStore.start(
                userID: userID, idleTimeout: idle, secondFactorDone: secondFactorDone,
                client: "test", userAgent: "tests", on: connection)
            let csrf = try connection.queryValue(
                "SELECT csrf_token FROM user_session WHERE token_hash = sha256(convert_to(\(token), 'UTF8'))", as: String.self)
            return Browser(userID: userID, cookie: "__Host-pt_session=\(token)", csrf: csrf)
        }
    }

    /// A visitor without a session who has loaded a page with a form: the anonymous CSRF cookie.
    static func visitor() -> Browser {
        let token = SecretToken.make()
        return Browser(userID: 0, cookie: "__Host-pt_csrf=\(token)", csrf: token)
    }
}

extension TestResponse {
    /// The CSRF tokens in the page's forms, as written (masked).
    var csrfTokens: [String] {
        text.components(separatedBy: "name=\"csrf_token\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// Whether the page's forms carry `token`, each masked, never the token itself.
    func carriesToken(_ token: String) -> Bool {
        let tokens = csrfTokens
        return !tokens.isEmpty && tokens.allSatisfy { $0 != token && CSRFToken.matches($0, token) }
    }

    /// The Set-Cookie header values.
    var setCookies: [String] { headers[values: .setCookie] }
    var location: String? { headers[.location] }
}
