import CompressNIO
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

/// Responses compressed when the client accepts it, and what BREACH asks of that: the CSRF
/// token masked per response, pages showing a one-time secret never compressed.
@Suite("Compression and BREACH")
struct CompressionTests {
    static func get(
        _ client: some TestClientProtocol, _ path: String, acceptEncoding: String? = "gzip", headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let acceptEncoding { headers[.acceptEncoding] = acceptEncoding }
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// A page over 10 KB in an empty database: the report form, with every country and measure.
    static let bigPage = "/reports"

    static func gunzip(_ buffer: ByteBuffer) throws -> ByteBuffer {
        var buffer = buffer
        return try buffer.decompress(with: .gzip())
    }

    /// The CSRF tokens a page's forms carry.
    static func tokens(in page: String) -> Set<String> {
        Set(page.components(separatedBy: "name=\"csrf_token\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
    }

    static func varies(_ response: TestResponse) -> [String] {
        (response.headers[.vary] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("a big page comes gzipped to a client that accepts it, the same page once decompressed")
    func roundTrip() async throws {
        try await AppHarness.withApp { client, services in
            // The benchmark's data set, smaller: enough pledges to fill much of the matrix.
            var size = LargeDataSet.Size()
            (size.entities, size.users, size.pledges, size.milestonesPerPledge) = (12, 30, 600, 1)
            (size.panels, size.panelMembers, size.feedback) = (1, 5, 10)
            #expect(try await LargeDataSet.load(size, passwordHash: try await People.passwordHash.value, on: services.pool))
            let plain = try await Self.get(client, "/dashboards/matrix", acceptEncoding: nil)
            #expect(plain.status == .ok)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.body.readableBytes > 100_000, "\(plain.body.readableBytes) bytes")
            for accept in ["gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "*", "deflate, *;q=0.5"] {
                let zipped = try await Self.get(client, "/dashboards/matrix", acceptEncoding: accept)
                #expect(zipped.status == .ok)
                #expect(zipped.headers[.contentEncoding] == "gzip", "\(accept)")
                #expect(zipped.headers[.contentLength] == String(zipped.body.readableBytes))
                #expect(zipped.body.readableBytes * 5 < plain.body.readableBytes, "\(zipped.body.readableBytes) bytes")
                #expect(try Self.gunzip(zipped.body) == plain.body)
                #expect(Self.varies(zipped) == ["Cookie", "Accept-Language", "Accept-Encoding"], "the page's own Vary kept")
                #expect(zipped.headers[CompressionMiddleware.keepUncompressed] == nil)
            }
        }
    }

    @Test("no compression without Accept-Encoding, or when gzip is refused (q=0); Vary set all the same")
    func refused() async throws {
        try await AppHarness.withApp { client, _ in
            for accept in [nil, "", "identity", "deflate", "gzip;q=0", "GZIP; Q=0.000", "*;q=0", "gzip;q=0, *", "br, *;q=0"] {
                let response = try await Self.get(client, Self.bigPage, acceptEncoding: accept)
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == nil, "\(accept ?? "none")")
                #expect(response.body.readableBytes > 10_000)
                #expect(Self.varies(response).contains("Accept-Encoding"), "a cache must not hand this to a gzip client either")
            }
            #expect(CompressionMiddleware.acceptsGzip(["deflate", "x-gzip;q=0.1"]))
            #expect(CompressionMiddleware.acceptsGzip(["br", "gzip ; q=1"]))
            #expect(!CompressionMiddleware.acceptsGzip(["gzip;q=2"]), "a q-value out of range counts as 0")
            #expect(!CompressionMiddleware.acceptsGzip([]))
        }
    }

    @Test("small bodies, HEAD, redirects and already-compressed formats are left alone")
    func untouched() async throws {
        try await AppHarness.withApp { client, services in
            let health = try await Self.get(client, "/healthz")
            #expect(health.status == .ok && health.headers[.contentEncoding] == nil && health.text == "ok\n")
            #expect(!Self.varies(health).contains("Accept-Encoding"))
            var headers = HTTPFields()
            headers[.acceptEncoding] = "gzip"
            let head = try await client.execute(uri: Self.bigPage, method: .head, headers: headers)
            #expect(head.status == .ok && head.headers[.contentEncoding] == nil)
            let staff = try await People.signIn(
                services.pool, try await People.make(services.pool, "staff@example.org", roles: [.secretariat]))
            let workbook = try await Self.get(client, "/reports/download?format=xlsx", headers: staff.headers)
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentType]?.hasPrefix("application/vnd.openxmlformats") == true)
            #expect(workbook.headers[.contentEncoding] == nil)
            for type in [
                "application/pdf", "application/zip", "image/png", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ] {
                #expect(!CompressionMiddleware.isTextual(type), "\(type)")
            }
            for type in ["text/html; charset=utf-8", "text/csv", "text/css", "application/javascript", "image/svg+xml", "application/json"]
            {
                #expect(CompressionMiddleware.isTextual(type), "\(type)")
            }
            let eTag = try #require(try await Self.get(client, "/static/css/app.css").headers[.eTag])
            let cached = try await Self.get(client, "/static/css/app.css", headers: [.ifNoneMatch: eTag])
            #expect(cached.status == .notModified && cached.headers[.contentEncoding] == nil)
        }
    }

    @Test("static files and streamed CSV exports are compressed too, and decompress to the same bytes")
    func staticAndStreamed() async throws {
        try await AppHarness.withApp { client, _ in
            let css = try await Self.get(client, "/static/css/app.css", acceptEncoding: nil)
            for _ in 0..<3 {  // the third comes from the kept bodies
                let zipped = try await Self.get(client, "/static/css/app.css")
                #expect(zipped.headers[.contentEncoding] == "gzip")
                #expect(zipped.headers[.contentType] == css.headers[.contentType])
                #expect(zipped.headers[.acceptRanges] == nil)
                #expect(zipped.headers[.eTag]?.hasPrefix("W/") == true)
                #expect(try Self.gunzip(zipped.body) == css.body)
            }
            let plain = try await Self.get(client, "/reports/download?format=pledges.csv", acceptEncoding: nil)
            let zipped = try await Self.get(client, "/reports/download?format=pledges.csv")
            #expect(zipped.status == .ok)
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.contentLength] == nil, "streamed, its length unknown")
            #expect(try Self.gunzip(zipped.body) == plain.body)
        }
    }

    @Test("identical bodies are compressed once; a body seen once is not kept")
    func keptBodies() throws {
        let bodies = CompressedBodies(budget: 1 << 20)
        let page = ByteBuffer(string: String(repeating: "<tr><td>Kenya</td><td>12</td></tr>", count: 500))
        let first = try #require(try bodies.compressed(page))
        #expect(bodies.count == 0)
        let second = try #require(try bodies.compressed(page))
        #expect(bodies.count == 1)
        #expect(try Self.gunzip(first) == page && Self.gunzip(second) == page)
        #expect(try bodies.compressed(page) == second)
        for n in 0..<50 { _ = try bodies.compressed(ByteBuffer(string: "\(n) " + String(repeating: "unique ", count: 300))) }
        #expect(bodies.count == 1, "bodies seen once take no place")
        #expect(try bodies.compressed(ByteBuffer(bytes: (0..<4096).map { _ in UInt8.random(in: 0...255) })) == nil, "no smaller")
    }

    @Test("the CSRF token differs in every response, every masked form works, a tampered or foreign one gets 403")
    func maskedToken() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let me = try await People.signIn(pool, try await People.make(pool, "me@example.org", roles: [.focalPoint]))
            let other = try await People.signIn(pool, try await People.make(pool, "other@example.org", roles: [.focalPoint]))
            let one = try await Self.get(client, "/account", headers: me.headers)
            #expect(one.headers[.contentEncoding] == "gzip", "a signed-in page is compressed: its token is masked")
            let first = Self.tokens(in: String(buffer: try Self.gunzip(one.body)))
            let second = Self.tokens(in: try await Self.get(client, "/account", acceptEncoding: nil, headers: me.headers).text)
            #expect(first.count == 1 && second.count == 1, "one masked form per response, shared by its forms")
            #expect(first.isDisjoint(with: second), "no two responses carry the same bytes")
            #expect(!first.contains(me.csrf) && !second.contains(me.csrf), "the token itself is never written")
            var headers = me.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            for token in first.union(second) {
                #expect(CSRFToken.matches(token, me.csrf))
                let response = try await client.execute(
                    uri: "/account/language", method: .post, headers: headers, body: ByteBuffer(string: "csrf_token=\(token)&language=fr"))
                #expect(response.status == .seeOther, "a masked form is accepted")
            }
            let token = try #require(first.first)
            var tampered = Array(token)
            tampered[tampered.count - 5] = tampered[tampered.count - 5] == "A" ? "B" : "A"
            for bad in [String(tampered), String(token.dropLast(2)), token + "AA", other.masked, me.csrf, CSRFToken.mask(me.csrf + "x")] {
                let response = try await client.execute(
                    uri: "/account/language", method: .post, headers: headers, body: ByteBuffer(string: "csrf_token=\(bad)&language=es"))
                #expect(response.status == .forbidden, "\(bad)")
            }
            #expect(CSRFToken.unmask("not base64url!") == nil && CSRFToken.unmask("") == nil && CSRFToken.unmask("AAAA") == nil)
        }
    }

    @Test("pages that show a one-time secret are sent uncompressed, the marker never sent")
    func secretPagesUncompressed() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let admin = try await People.signIn(pool, try await People.make(pool, "admin@example.org", roles: [.admin]))
            var (headers, body) = admin.post(["email": "new@example.org", "display_name": "New", "role": "panel_facilitator"])
            headers[.acceptEncoding] = "gzip"
            let created = try await client.execute(uri: "/admin/users/new", method: .post, headers: headers, body: body)
            #expect(created.status == .ok)
            let token = try #require(created.text.firstMatch(of: /\/invite\/([A-Za-z0-9_-]{43})/).map { String($0.1) })
            #expect(created.headers[.contentEncoding] == nil, "the invitation link is shown once")
            #expect(created.headers[CompressionMiddleware.keepUncompressed] == nil)
            #expect(created.body.readableBytes > CompressionMiddleware.minimumSize)
            let invite = try await Self.get(client, "/invite/\(token)")
            #expect(invite.status == .ok)
            #expect(invite.headers[.contentEncoding] == nil, "its address is the secret, in the form's action")
            #expect(invite.headers[CompressionMiddleware.keepUncompressed] == nil)
            let login = try await Self.get(client, "/login")
            #expect(login.headers[.contentEncoding] == "gzip", "a form page without a secret is compressed")
        }
    }
}
