import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import PledgetrackApp
import TestSupport

/// Builds the real router (the same `buildRouter` production uses) over a fresh migrated
/// database and drives it in memory.
enum AppHarness {
    static let publicFolder = URL(fileURLWithPath: TestServer.migrationsFolder)
        .deletingLastPathComponent().appendingPathComponent("Public").path

    static var configuration: AppConfiguration {
        AppConfiguration(publicDirectory: publicFolder, migrationsDirectory: TestServer.migrationsFolder)
    }

    static func withApp(
        readiness: Readiness.State = .ready,
        _ test: @Sendable (any TestClientProtocol, AppServices) async throws -> Void
    ) async throws {
        try await TestServer.withMigratedDatabase { db in
            let services = AppServices(db: db, readiness: Readiness(readiness))
            try await withApp(services, test)
        }
    }

    static func withApp(
        _ services: AppServices,
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
