import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("CSRF, headers and bad input")
struct CSRFAndInputTests {
    static func post(_ client: some TestClientProtocol, _ path: String, headers: HTTPFields, body: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("a state-changing request without the session's token is refused with a 403 page, and changes nothing")
    func tokenRequired() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let me = try await People.signIn(pool, try await People.make(pool, "me@example.org", roles: [.focalPoint]))
            let other = try await People.signIn(pool, try await People.make(pool, "other@example.org", roles: [.focalPoint]))
            var headers = me.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            // The session's own token unmasked is refused too: pages never carry it so.
            for body in ["", "csrf_token=", "csrf_token=wrong", "csrf_token=\(other.masked)", "csrf_token=\(me.csrf)"] {
                let response = try await Self.post(client, "/logout", headers: headers, body: body)
                #expect(response.status == .forbidden, "body \(body)")
                #expect(response.text.contains("<h1>You cannot do this</h1>"))
            }
            #expect(try await client.execute(uri: "/account", method: .get, headers: me.headers).status == .ok, "still signed in")
            // GET never changes anything: there is no GET /logout.
            #expect(try await client.execute(uri: "/logout", method: .get, headers: me.headers).status == .notFound)
            #expect(try await client.execute(uri: "/account", method: .get, headers: me.headers).status == .ok)
        }
    }

    @Test("a request the browser marks cross-site is refused even with the right token")
    func crossSite() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let me = try await People.signIn(pool, try await People.make(pool, "me@example.org", roles: [.focalPoint]))
            var (headers, body) = me.post()
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            #expect(try await client.execute(uri: "/logout", method: .post, headers: headers, body: body).status == .forbidden)
            (headers, body) = me.post()
            headers[.origin] = "https://attacker.example"
            #expect(try await client.execute(uri: "/logout", method: .post, headers: headers, body: body).status == .forbidden)
            // A no-referrer page (the panel pages) posts `Origin: null`: only the browser's
            // same-origin mark lets that through.
            (headers, body) = me.post()
            headers[.origin] = "null"
            #expect(try await client.execute(uri: "/logout", method: .post, headers: headers, body: body).status == .forbidden)
            (headers, body) = me.post()
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            headers[.origin] = "null"
            #expect(try await client.execute(uri: "/logout", method: .post, headers: headers, body: body).status == .seeOther)
        }
    }

    @Test("the sign-in form needs the anonymous CSRF cookie that its page set")
    func signInFormToken() async throws {
        try await AppHarness.withApp { client, _ in
            let page = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(page.setCookies.first { $0.hasPrefix("__Host-pt_csrf=") })
            for flag in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] { #expect(cookie.contains(flag)) }
            let token = String(cookie.dropFirst("__Host-pt_csrf=".count).prefix { $0 != ";" })
            #expect(page.carriesToken(token))
            let masked = try #require(page.csrfTokens.first)
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            // No cookie: refused, whatever the form says.
            #expect(
                try await Self.post(client, "/login", headers: headers, body: "csrf_token=\(masked)&email=a%40b.c&password=x").status
                    == .forbidden)
            headers[.cookie] = "__Host-pt_csrf=\(token)"
            #expect(
                try await Self.post(client, "/login", headers: headers, body: "csrf_token=\(masked)&email=a%40b.c&password=x").status
                    == .unauthorized)
        }
    }

    @Test("oversize bodies get 413, broken encodings and NUL characters 400, other content types 415; nothing is written")
    func badBodies() async throws {
        try await AppHarness.withApp { client, services in
            let visitor = People.visitor()
            var headers = visitor.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let big = "csrf_token=\(visitor.masked)&email=" + String(repeating: "a", count: 3 * 1024 * 1024)
            let tooLarge = try await Self.post(client, "/login", headers: headers, body: big)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.text.contains("Too much to send"))
            #expect(
                try await Self.post(client, "/login", headers: headers, body: "csrf_token=\(visitor.masked)&email=%FF%FE").status
                    == .badRequest)
            #expect(
                try await Self.post(client, "/login", headers: headers, body: "csrf_token=\(visitor.masked)&email=%zz").status
                    == .badRequest)
            // A NUL character means nothing in any field, and PostgreSQL text cannot hold one (found by scripts/faults.py).
            #expect(
                try await Self.post(client, "/login", headers: headers, body: "csrf_token=\(visitor.masked)&email=a%00b").status
                    == .badRequest)
            for path in ["/pledges?q=a%00b", "/dashboards?region=%00", "/reports/download?format=pledges.csv&country=%00"] {
                #expect(try await client.execute(uri: path, method: .get).status == .badRequest, "\(path)")
            }
            let invalidUTF8 = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: ByteBuffer(bytes: Array("csrf_token=\(visitor.masked)&email=".utf8) + [0xC3, 0x28]))
            #expect(invalidUTF8.status == .badRequest)
            headers[.contentType] = "application/json"
            #expect(try await Self.post(client, "/login", headers: headers, body: "{}").status == .unsupportedMediaType)
            #expect(try await services.pool.queryValue("SELECT count(*)::int FROM audit_event", as: Int.self) == 0)
        }
    }

    @Test("HSTS only over TLS behind a trusted proxy; signed-in pages are never cached")
    func transportHeaders() async throws {
        var config = AppHarness.configuration
        config.trustProxy = true
        try await AppHarness.withApp(configuration: config) { client, services in
            var https = HTTPFields()
            https[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let secure = try await client.execute(uri: "/", method: .get, headers: https)
            #expect(secure.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000; includeSubDomains")
            #expect(secure.headers[.cacheControl] == nil, "public pages may be cached")
            let plain = try await client.execute(uri: "/", method: .get)
            #expect(plain.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
            let me = try await People.signIn(services.pool, try await People.make(services.pool, "me@example.org", roles: [.focalPoint]))
            #expect(try await client.execute(uri: "/", method: .get, headers: me.headers).headers[.cacheControl] == "no-store")
        }
    }

    @Test("a redirect after sign-in only goes to a path on this site")
    func safeNext() {
        #expect(SignInPage.safeNext("/measures/3") == "/measures/3")
        for unsafe in ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", nil, "/login"] {
            #expect(SignInPage.safeNext(unsafe) == "/work", "\(unsafe ?? "nil")")
        }
    }
}
