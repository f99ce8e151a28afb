import Database
import Hummingbird
import Logging
import ServiceLifecycle

/// The app's parts that live as long as the process: the pool, the schema's readiness and
/// the reference data cache. Tests build them around a test database.
public struct AppServices: Sendable {
    public let db: ConnectionPool
    public let readiness: Readiness
    public let reference: ReferenceDataStore

    public init(db: ConnectionPool, readiness: Readiness, reference: ReferenceDataStore = ReferenceDataStore()) {
        self.db = db
        self.readiness = readiness
        self.reference = reference
    }
}

/// The one assembly point: production (`pledgetrack serve`) and every test build the app here.
public func buildApplication(_ config: AppConfiguration, logger: Logger) throws -> some ApplicationProtocol {
    let migrator = try Migrator(folder: config.migrationsDirectory)
    let db = ConnectionPool(configuration: config.database, logger: logger)
    let services = AppServices(db: db, readiness: Readiness())
    let migration = MigrationService(
        pool: db, migrator: migrator, apply: config.migrateOnStart, readiness: services.readiness, logger: logger)
    return Application(
        router: buildRouter(services, config: config, logger: logger),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "pledgetrack"),
        services: [db, migration],
        logger: logger)
}

/// Every route and middleware of the app, in the order a request meets them.
public func buildRouter(_ services: AppServices, config: AppConfiguration, logger: Logger) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        LogRequestsMiddleware(.info)
        SecurityHeadersMiddleware()
        ErrorPageMiddleware()
        FileMiddleware(
            config.publicDirectory, urlBasePath: "/static",
            cacheControl: .init([(.init(type: .any), [.public, .maxAge(86_400)])]),
            logger: logger)
        ReadinessMiddleware(readiness: services.readiness)
    }
    HealthController(db: services.db, readiness: services.readiness).addRoutes(to: router)
    MeasureController(db: services.db, reference: services.reference).addRoutes(to: router)
    return router
}
