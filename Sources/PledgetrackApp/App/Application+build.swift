import Database
import Hummingbird
import Logging
import ServiceLifecycle

/// The app's parts that live as long as the process: the pool, the schema's readiness and
/// the reference data cache. Tests build them around a test database.
public struct AppServices: Sendable {
    public let pool: ConnectionPool
    public let readiness: Readiness
    public let reference: ReferenceDataStore
    public let hasher: PasswordHasher
    /// Rendered pages that show the data (home, dashboards, pledge list), valid until it changes.
    let pages: PageCache
    /// Vacuums erased survivor text out of the data files after a withdrawal.
    let vacuum: ErasureVacuum

    public init(
        pool: ConnectionPool, readiness: Readiness, reference: ReferenceDataStore = ReferenceDataStore(),
        hasher: PasswordHasher = PasswordHasher()
    ) {
        self.pool = pool
        self.readiness = readiness
        self.reference = reference
        self.hasher = hasher
        self.vacuum = ErasureVacuum(pool: pool)
        self.pages = PageCache(versions: DataVersion(pool: pool))
    }

    /// Tells the page cache of every commit as it happens (`DataVersion`); without it running
    /// (as in most tests) each cached page asks the database for the version instead.
    func listener(_ configuration: DatabaseConfiguration, logger: Logger) -> NotificationListener {
        NotificationListener(configuration: configuration, channels: [DataVersion.channel], delegate: pages.versions, logger: logger)
    }
}

/// The one assembly point: production (`pledgetrack serve`) and every test build the app here.
public func buildApplication(_ config: AppConfiguration, logger: Logger) throws -> some ApplicationProtocol {
    let migrator = try Migrator(folder: config.migrationsDirectory)
    let pool = ConnectionPool(configuration: config.database, logger: logger)
    let services = AppServices(pool: pool, readiness: Readiness())
    let migration = MigrationService(
        pool: pool, migrator: migrator, apply: config.migrateOnStart, readiness: services.readiness, logger: logger)
    return Application(
        router: buildRouter(services, config: config, logger: logger),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "pledgetrack"),
        services: [
            pool, migration, services.listener(config.database, logger: logger),
            RetentionService(pool: pool, readiness: services.readiness, key: config.secondFactorKey, logger: logger),
            DashboardRollService(pool: pool, readiness: services.readiness, logger: logger),
        ],
        logger: logger)
}

/// The app's router: see `buildRoutes`.
public func buildRouter(_ services: AppServices, config: AppConfiguration, logger: Logger) -> Router<AppRequestContext> {
    buildRoutes(services, config: config, logger: logger).router
}

/// Every middleware, in the order a request meets them, and every route with its access rule.
/// This is the one place that says who may use what.
public func buildRoutes(_ services: AppServices, config: AppConfiguration, logger: Logger) -> RouteTable {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let cookies = CookiePolicy(secure: config.secureCookies)
    AppMetrics.bootstrap()
    router.addMiddleware {
        RequestLogMiddleware()  // one-time tokens redacted
        MetricsMiddleware()  // requests by route template, method and status, and their latency
        SecurityHeadersMiddleware()
        CompressionMiddleware()  // gzip for text, static files and error pages too; not pages showing a secret
        ErrorPageMiddleware()  // errors before the session is known (database down)
        StaticFilesMiddleware(folder: config.publicDirectory, logger: logger)
        ReadinessMiddleware(readiness: services.readiness)
        SessionMiddleware(pool: services.pool, cookies: cookies, trustProxy: config.trustProxy)
        ErrorPageMiddleware(auditTo: services.pool)  // errors of signed-in requests, with their navigation; denials audited
        QueryCheckMiddleware()  // no NUL in a query
        CSRFMiddleware()
        FreshnessMiddleware(versions: services.pages.versions, cookies: cookies)  // a writer sees their own change at once
    }
    var routes = RouteTable(router: router)
    HealthController(pool: services.pool, readiness: services.readiness, metricsToken: config.metricsToken).addRoutes(to: &routes)
    MeasureController(pool: services.pool, reference: services.reference, cache: services.pages).addRoutes(to: &routes)
    SignInController(pool: services.pool, hasher: services.hasher, cookies: cookies, secondFactorKey: config.secondFactorKey).addRoutes(
        to: &routes)
    InvitationController(pool: services.pool, hasher: services.hasher, cookies: cookies).addRoutes(to: &routes)
    AccountController(pool: services.pool, hasher: services.hasher, cookies: cookies, secondFactorKey: config.secondFactorKey).addRoutes(
        to: &routes)
    UserAdminController(pool: services.pool, cookies: cookies, publicURL: config.publicURL).addRoutes(to: &routes)
    AuditController(pool: services.pool).addRoutes(to: &routes)
    PledgeController(pool: services.pool, reference: services.reference, cookies: cookies, pages: services.pages)
        .addRoutes(to: &routes)
    MilestoneController(pool: services.pool, cookies: cookies).addRoutes(to: &routes)
    EntityController(pool: services.pool, cookies: cookies).addRoutes(to: &routes)
    WorklistController(pool: services.pool, versions: services.pages.versions).addRoutes(to: &routes)
    DashboardController(pool: services.pool, reference: services.reference, cache: services.pages).addRoutes(to: &routes)
    FeedbackController(pool: services.pool, reference: services.reference, cookies: cookies, pages: services.pages).addRoutes(to: &routes)
    FeedbackActionController(pool: services.pool, cookies: cookies, vacuum: services.vacuum).addRoutes(to: &routes)
    PanelController(pool: services.pool, reference: services.reference, publicURL: config.publicURL, pages: services.pages).addRoutes(
        to: &routes)
    PanelMembershipController(pool: services.pool, hasher: services.hasher, cookies: cookies, vacuum: services.vacuum).addRoutes(
        to: &routes)
    ReportController(
        pool: services.pool, versions: services.pages.versions, reference: services.reference, pdf: PDFEngine.locate(config.pdfEngine),
        publicDirectory: config.publicDirectory
    )
    .addRoutes(to: &routes)
    return routes
}
