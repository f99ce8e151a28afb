import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("Signing in and out, sessions, second factor")
struct SignInTests {
    static func signIn(
        _ client: some TestClientProtocol, _ email: String, _ password: String, as visitor: People.Browser = People.visitor(),
        extra headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var (h, b) = visitor.post(["email": email, "password": password, "next": "/measures"])
        for field in headers { h[field.name] = field.value }
        return try await client.execute(uri: "/login", method: .post, headers: h, body: b)
    }

    static func cookieValue(_ response: TestResponse, _ name: String) -> String? {
        response.setCookies.first { $0.hasPrefix(name + "=") }
            .map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }

    @Test("a right password starts a server session with a safe cookie, and sign-out ends it on the server")
    func signInAndOut() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await People.make(pool, "focal@example.org", roles: [.focalPoint], entities: [try await People.entity(pool, "E")])
            let response = try await Self.signIn(client, "Focal@Example.org ", People.password)
            #expect(response.status == .seeOther)
            #expect(response.location == "/measures")
            let cookie = try #require(response.setCookies.first { $0.hasPrefix("__Host-pt_session=") })
            for flag in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] { #expect(cookie.contains(flag), "cookie has \(flag)") }
            #expect(!cookie.contains("Domain"), "a __Host- cookie has no Domain")
            #expect(!cookie.contains("Max-Age") && !cookie.contains("Expires"), "no remember-me: the cookie ends with the browser")
            let token = try #require(Self.cookieValue(response, "__Host-pt_session"))
            #expect(
                try await pool.queryValue("SELECT count(*)::int FROM user_session WHERE user_id = \(id) AND ended_at IS NULL", as: Int.self)
                    == 1)
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM user_session WHERE token_hash = convert_to(\(token), 'UTF8')", as: Int.self) == 0,
                "the token itself is not stored")

            var signedIn = HTTPFields(); signedIn[.cookie] = "__Host-pt_session=\(token)"
            let account = try await client.execute(uri: "/account", method: .get, headers: signedIn)
            #expect(account.status == .ok)
            #expect(account.headers[.cacheControl] == "no-store")
            let csrf = try await pool.queryValue("SELECT csrf_token FROM user_session WHERE user_id = \(id)", as: String.self)
            #expect(account.carriesToken(csrf), "forms carry the session's token, masked")

            let browser = People.Browser(userID: id, cookie: "__Host-pt_session=\(token)", csrf: csrf)
            let (h, b) = browser.post()
            let out = try await client.execute(uri: "/logout", method: .post, headers: h, body: b)
            #expect(out.status == .seeOther)
            #expect(out.setCookies.contains { $0.hasPrefix("__Host-pt_session=;") && $0.contains("Max-Age=0") })
            // The old cookie, replayed after sign-out, opens nothing.
            let replay = try await client.execute(uri: "/account", method: .get, headers: signedIn)
            #expect(replay.status == .seeOther)
            #expect(replay.location == "/login?next=/account")
            let actions = try await pool.query("SELECT action FROM audit_event WHERE actor_id = \(id) ORDER BY id") {
                try $0.decode(0, as: String.self)
            }
            #expect(actions == ["sign_in.password", "sign_out"])
        }
    }

    @Test("a wrong password and an unknown e-mail get the same answer; the e-mail is kept, the password is not")
    func wrongPassword() async throws {
        try await AppHarness.withApp { client, services in
            try await People.make(services.pool, "known@example.org", roles: [.focalPoint])
            let wrong = try await Self.signIn(client, "known@example.org", "not the password")
            let unknown = try await Self.signIn(client, "nobody@example.org", "not the password")
            for response in [wrong, unknown] {
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("The e-mail address or the password is not right."))
                #expect(!response.text.contains("not the password"))
                #expect(response.setCookies.allSatisfy { !$0.hasPrefix("__Host-pt_session") })
            }
            #expect(wrong.text.contains("value=\"known@example.org\""))
            let failures = try await services.pool.queryValue(
                "SELECT count(*)::int FROM audit_event WHERE action = 'sign_in.failed'", as: Int.self)
            #expect(failures == 1, "a guess at an account that does not exist is counted in the metrics, not written to the audit log")
            let empty = try await Self.signIn(client, "", "")
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("Enter your e-mail address (panel members: your pseudonym)."))
        }
    }

    @Test("after 5 failures this client is refused with 429, even with the right password; another client still gets in")
    func throttling() async throws {
        var config = AppHarness.configuration
        config.trustProxy = true
        try await AppHarness.withApp(configuration: config) { client, services in
            try await People.make(services.pool, "target@example.org", roles: [.focalPoint])
            var attacker = HTTPFields(); attacker[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.9"
            for _ in 1...5 {
                #expect(try await Self.signIn(client, "target@example.org", "guess", extra: attacker).status == .unauthorized)
            }
            let refused = try await Self.signIn(client, "target@example.org", People.password, extra: attacker)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Too many attempts"))
            var owner = HTTPFields(); owner[HTTPField.Name("X-Forwarded-For")!] = "198.51.100.7"
            #expect(
                try await Self.signIn(client, "target@example.org", People.password, extra: owner).status == .seeOther,
                "the attacker did not lock the owner out")
            #expect(
                try await services.pool.queryValue("SELECT count(*)::int FROM audit_event WHERE action = 'sign_in.throttled'", as: Int.self)
                    == 1)
        }
    }

    @Test("signing in ends a session the browser already had: a planted session id never carries over")
    func newSessionAtSignIn() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await People.make(pool, "p@example.org", roles: [.focalPoint])
            let before = try await People.signIn(pool, id)
            let response = try await Self.signIn(client, "p@example.org", People.password, as: before)
            let token = try #require(Self.cookieValue(response, "__Host-pt_session"))
            #expect("__Host-pt_session=\(token)" != before.cookie)
            #expect(try await client.execute(uri: "/account", method: .get, headers: before.headers).status == .seeOther)
        }
    }

    @Test("sessions end after 30 idle minutes (15 for panel members) and after 12 hours in all")
    func timeouts() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let focal = try await People.signIn(
                pool, try await People.make(pool, "f@example.org", roles: [.focalPoint]), idle: Role.focalPoint.idleTimeout)
            let member = try await People.signIn(
                pool, try await People.make(pool, "m@example.org", roles: [.panelMember]), idle: Role.panelMember.idleTimeout)
            try await pool.execute("UPDATE user_session SET last_seen_at = now() - interval '16 minutes'")
            #expect(try await client.execute(uri: "/account", method: .get, headers: focal.headers).status == .ok)
            #expect(try await client.execute(uri: "/account", method: .get, headers: member.headers).status == .seeOther)
            try await pool.execute("UPDATE user_session SET last_seen_at = now() - interval '31 minutes'")
            #expect(try await client.execute(uri: "/account", method: .get, headers: focal.headers).status == .seeOther)
            let fresh = try await People.signIn(pool, focal.userID)
            try await pool.execute("UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = \(focal.userID)")
            #expect(try await client.execute(uri: "/account", method: .get, headers: fresh.headers).status == .seeOther)
            #expect(Role.panelMember.idleTimeout == .seconds(900))
            #expect(
                SignedInUser(id: 1, email: "", displayName: "", roles: [.panelMember, .focalPoint], entityIDs: []).idleTimeout
                    == .seconds(900))
        }
    }

    static func totp(_ secret: String, offset: Int64 = 0) -> String {
        let step = Int64(Date().timeIntervalSince1970) / 30 + offset
        let code = TOTPForTests.compute(secret: secret, step: step)
        return String(format: "%06d", code)
    }

    @Test("admins set up a second factor at first sign-in, then need a code (once each) or a recovery code")
    func secondFactor() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            try await People.make(pool, "admin@example.org", roles: [.admin])
            let first = try await Self.signIn(client, "admin@example.org", People.password)
            #expect(first.location == "/login/enrol")
            let token = try #require(Self.cookieValue(first, "__Host-pt_session"))
            let csrf = try await pool.queryValue("SELECT csrf_token FROM user_session WHERE ended_at IS NULL", as: String.self)
            let pending = People.Browser(userID: 0, cookie: "__Host-pt_session=\(token)", csrf: csrf)
            #expect(
                try await pool.queryValue(
                    "SELECT expires_at < now() + interval '11 minutes' FROM user_session WHERE ended_at IS NULL", as: Bool.self),
                "a pending session lives minutes")
            // Half signed in: the admin pages send back to sign-in.
            #expect(
                try await client.execute(uri: "/admin/users", method: .get, headers: pending.headers).location == "/login?next=/admin/users"
            )
            let enrolPage = try await client.execute(uri: "/login/enrol", method: .get, headers: pending.headers)
            #expect(!enrolPage.text.contains("name=\"secret\""), "the proposed secret stays on the server")
            let sealed = try await pool.queryValue("SELECT proposed_totp_secret FROM user_session WHERE ended_at IS NULL", as: String.self)
            let secret = try #require(SecondFactorKey.development.open(sealed))
            var (h, b) = pending.post(["code": "000000"])
            #expect(try await client.execute(uri: "/login/enrol", method: .post, headers: h, body: b).status == .unprocessableContent)
            let enrolmentCode = Self.totp(secret)
            (h, b) = pending.post(["code": enrolmentCode])
            let enrolled = try await client.execute(uri: "/login/enrol", method: .post, headers: h, body: b)
            #expect(enrolled.status == .ok)
            let codes = enrolled.text.matches(of: /<li><code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/code><\/li>/).map { String($0.1) }
            #expect(codes.count == 10)
            // A new session token once the second factor is given: the pending one opens nothing.
            #expect(try await client.execute(uri: "/admin/users", method: .get, headers: pending.headers).status == .seeOther)
            let full = try #require(Self.cookieValue(enrolled, "__Host-pt_session"))
            var fullHeaders = HTTPFields(); fullHeaders[.cookie] = "__Host-pt_session=\(full)"
            #expect(try await client.execute(uri: "/admin/users", method: .get, headers: fullHeaders).status == .ok)

            // The next sign-in asks for a code.
            let second = try await Self.signIn(client, "admin@example.org", People.password)
            #expect(second.location == "/login/second-factor")
            let token2 = try #require(Self.cookieValue(second, "__Host-pt_session"))
            let csrf2 = try await pool.queryValue(
                "SELECT csrf_token FROM user_session WHERE token_hash = sha256(convert_to(\(token2), 'UTF8'))", as: String.self)
            let again = People.Browser(userID: 0, cookie: "__Host-pt_session=\(token2)", csrf: csrf2)
            // The code used at enrolment cannot be used again (replay).
            (h, b) = again.post(["code": enrolmentCode])
            #expect(try await client.execute(uri: "/login/second-factor", method: .post, headers: h, body: b).status == .unauthorized)
            (h, b) = again.post(["code": codes[0].uppercased()])
            #expect(try await client.execute(uri: "/login/second-factor", method: .post, headers: h, body: b).location == "/work")
            #expect(try await pool.queryValue("SELECT count(*)::int FROM recovery_code WHERE used_at IS NOT NULL", as: Int.self) == 1)
            // A recovery code works once.
            let third = try await Self.signIn(client, "admin@example.org", People.password)
            let token3 = try #require(Self.cookieValue(third, "__Host-pt_session"))
            let csrf3 = try await pool.queryValue(
                "SELECT csrf_token FROM user_session WHERE token_hash = sha256(convert_to(\(token3), 'UTF8'))", as: String.self)
            (h, b) = People.Browser(userID: 0, cookie: "__Host-pt_session=\(token3)", csrf: csrf3).post(["code": codes[0]])
            #expect(try await client.execute(uri: "/login/second-factor", method: .post, headers: h, body: b).status == .unauthorized)
        }
    }

    @Test("a disabled account cannot sign in, and disabling it ends its sessions at once")
    func disabled() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await People.make(pool, "gone@example.org", roles: [.focalPoint])
            let session = try await People.signIn(pool, id)
            let admin = try await People.signIn(pool, try await People.make(pool, "admin@example.org", roles: [.admin]))
            let (h, b) = admin.post()
            #expect(try await client.execute(uri: "/admin/users/\(id)/disable", method: .post, headers: h, body: b).status == .seeOther)
            #expect(try await client.execute(uri: "/account", method: .get, headers: session.headers).status == .seeOther)
            #expect(try await Self.signIn(client, "gone@example.org", People.password).status == .unauthorized)
        }
    }
}

/// RFC 6238 computed independently of the app's code (HMAC-SHA1 written out here), so the
/// second-factor tests check the app against the standard rather than against itself.
enum TOTPForTests {
    static func compute(secret: String, step: Int64) -> Int {
        var counter = UInt64(step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = hmacSHA1(key: Array(secret.utf8), message: message)
        let offset = Int(mac[19] & 0x0f)
        let value =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        return Int(value % 1_000_000)
    }

    static func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var key = key.count > 64 ? sha1(key) : key
        key += [UInt8](repeating: 0, count: 64 - key.count)
        return sha1(key.map { $0 ^ 0x5c } + sha1(key.map { $0 ^ 0x36 } + message))
    }

    static func sha1(_ data: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        var message = data + [0x80]
        while message.count % 64 != 56 { message.append(0) }
        let bits = UInt64(data.count) * 8
        for i in (0..<8).reversed() { message.append(UInt8((bits >> (UInt64(i) * 8)) & 0xff)) }
        for chunk in stride(from: 0, to: message.count, by: 64) {
            var w = (0..<16).map { i in (0..<4).reduce(UInt32(0)) { ($0 << 8) | UInt32(message[chunk + i * 4 + $1]) } }
            for i in 16..<80 { let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]; w.append((x << 1) | (x >> 31)) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32) =
                    switch i {
                    case 0..<20: ((b & c) | (~b & d), 0x5A827999)
                    case 20..<40: (b ^ c ^ d, 0x6ED9EBA1)
                    case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1BBCDC)
                    default: (b ^ c ^ d, 0xCA62C1D6)
                    }
                let t = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, (b << 30) | (b >> 2), a, t)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { v in (0..<4).map { UInt8((v >> (24 - $0 * 8)) & 0xff) } }
    }
}
