import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("Errors, health checks and headers")
struct ErrorAndHealthTests {
    @Test(
        "unknown pages and malformed measure numbers are a 404 page, never a 500",
        arguments: [
            "/measures/21", "/measures/0", "/measures/-1", "/measures/abc", "/measures/18x",
            "/measures/99999999999999999999", "/nope", "/measures/1/extra", "/static/missing.css",
        ])
    func notFound(path: String) async throws {
        try await AppHarness.withApp { client, _ in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("<h1>Page not found</h1>"))
                #expect(response.text.contains("href=\"/\""), "a way back")
            }
        }
    }

    @Test("every response carries the security headers, error pages too")
    func securityHeaders() async throws {
        try await AppHarness.withApp { client, _ in
            for path in ["/", "/nope", "/healthz", "/static/css/app.css"] {
                try await client.execute(uri: path, method: .get) { response in
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(csp.contains("object-src 'none'"), "\(path)")
                    #expect(csp.contains("base-uri 'none'"))
                    #expect(csp.contains("frame-ancestors 'none'"))
                    #expect(!csp.contains("unsafe-inline"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin")
                }
            }
        }
    }

    @Test("static assets are served with cache headers; nothing outside Public is reachable")
    func staticAssets() async throws {
        try await AppHarness.withApp { client, _ in
            try await client.execute(uri: "/static/css/app.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css")
                #expect(response.headers[.cacheControl] == "public, max-age=86400")
            }
            try await client.execute(uri: "/static/../Package.swift", method: .get) { response in
                #expect(response.status != .ok)
                #expect(!response.text.contains("PackageDescription"))
            }
        }
    }

    @Test("/healthz is up; /readyz is 200 when migrated and 503 with the reason before")
    func health() async throws {
        try await AppHarness.withApp { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok\n")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ready\n")
            }
        }
        try await AppHarness.withApp(readiness: .migrating(reason: "database unreachable")) { client, _ in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text == "not ready: database unreachable\n")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("<h1>Temporarily unavailable</h1>"))
                #expect(response.headers[.retryAfter] == "30")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("/metrics: requests by route template and status, latency, the pool and queries; no ids or paths as typed")
    func metrics() async throws {
        var config = AppHarness.configuration
        config.metricsToken = "a-metrics-token-for-the-tests"
        try await AppHarness.withApp(configuration: config) { client, services in
            let owner = try await People.entity(services.pool, "Entity")
            let pledge = try await Pledges.make(services.pool, owner: owner, title: "Metrics pledge")
            _ = try await client.execute(uri: "/pledges/\(pledge)", method: .get)
            _ = try await client.execute(uri: "/dashboards", method: .get)
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized, "no token, no metrics")
            var bearer = HTTPFields(); bearer[.authorization] = "Bearer a-metrics-token-for-the-tests"
            let response = try await client.execute(uri: "/metrics", method: .get, headers: bearer)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.text
            #expect(
                text.contains("hb_requests{http_route=\"/pledges/{id}\",http_request_method=\"GET\",http_response_status_code=\"200\"}"))
            #expect(text.contains("http_server_request_duration_bucket{http_route=\"/dashboards\""))
            #expect(text.contains("pledgetrack_db_pool_open_connections"))
            #expect(text.contains("pledgetrack_db_query_duration_bucket"))
            #expect(!text.contains("/pledges/\(pledge)\""), "a path as typed")
            #expect(!text.contains("Metrics pledge"))
        }
    }

    @Test("an unreachable database gives the 'temporarily unavailable' page and a 503 on /readyz")
    func databaseDown() async throws {
        let unreachable = ConnectionPool(
            configuration: DatabaseConfiguration(url: "host=127.0.0.1 port=1 dbname=none connect_timeout=2", poolSize: 1),
            logger: TestServer.logger)
        try await AppHarness.withApp(AppServices(pool: unreachable, readiness: Readiness(.ready))) { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("Temporarily unavailable"))
                #expect(!response.text.contains("127.0.0.1"), "no connection details leak")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text == "not ready: database connectionFailed\n")
            }
        }
        try await unreachable.shutdown()
    }

    struct Leaky: Error, CustomStringConvertible {
        var description: String { "SECRET internal detail at /srv/secret.swift:42" }
    }

    @Test("an unexpected error is a 500 page that shows the request id and nothing of the error")
    func serverError() async throws {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorPageMiddleware())
        router.get("/boom") { _, _ -> String in throw Leaky() }
        router.get("/bad") { _, _ -> String in throw HTTPError(.badRequest) }
        try await Application(router: router, logger: TestServer.logger).test(.router) { client in
            try await client.execute(uri: "/boom", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.text.contains("<h1>Something went wrong</h1>"))
                #expect(response.text.contains("Reference for support: "))
                #expect(!response.text.contains("SECRET"))
                #expect(!response.text.contains("secret.swift"))
            }
            try await client.execute(uri: "/bad", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("could not be understood"))
            }
        }
    }
}
