import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import TestSupport
import Testing

@testable import PledgetrackApp

/// The attacks of the security review (issue 15), each as the request sequence that worked
/// before the fix, sent through the real router. The numbers are the issue's.
@Suite("Security review: second factor, survivor accounts, audiences, limits")
struct SecurityTests {
    static func post(
        _ client: some TestClientProtocol, _ browser: People.Browser, _ path: String, _ fields: [String: String] = [:]
    ) async throws -> TestResponse {
        let (h, b) = browser.post(fields)
        return try await client.execute(uri: path, method: .post, headers: h, body: b)
    }

    /// The pending browser after the password: its cookie and CSRF token.
    static func passwordOnly(
        _ client: some TestClientProtocol, _ pool: ConnectionPool, _ email: String
    ) async throws -> (People.Browser, TestResponse) {
        let response = try await SignInTests.signIn(client, email, People.password)
        let token = try #require(SignInTests.cookieValue(response, "__Host-pt_session"))
        let csrf = try await pool.queryValue(
            "SELECT csrf_token FROM user_session WHERE token_hash = sha256(convert_to(\(token), 'UTF8'))", as: String.self)
        return (People.Browser(userID: 0, cookie: "__Host-pt_session=\(token)", csrf: csrf), response)
    }

    /// An admin whose authenticator is set up with `secret`.
    static func adminWithFactor(
        _ pool: ConnectionPool, _ email: String = "admin@example.org", secret: String = "abcdefghjkmnpqrstuvw"
    ) async throws -> Int {
        let id = try await People.make(pool, email, roles: [.admin])
        _ = try await pool.withConnection { connection in
            try SecondFactor.enrol(userID: id, secret: secret, step: 0, key: .development, on: connection)
        }
        return id
    }

    /// A panel without a facilitator, for the tests' members to join.
    static func panel(_ pool: ConnectionPool) async throws -> Int {
        try await pool.queryValue("INSERT INTO panel (name) VALUES ('P') RETURNING id", as: Int.self)
    }

    /// A panel member as joining makes one: a pseudonym, the role, the membership.
    static func member(_ pool: ConnectionPool, _ pseudonym: String, panel: Int) async throws -> Int {
        try await FeedbackTests.Fixture.member(pool, pseudonym, panel: panel)
    }

    // 1

    @Test("1: with the password alone, /login/enrol cannot replace an existing authenticator, and no secret is taken from the form")
    func enrolmentNeedsNoFactor() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await Self.adminWithFactor(pool)
            let before = try await pool.queryValue("SELECT totp_secret FROM app_user WHERE id = \(id)", as: String.self)
            let (attacker, first) = try await Self.passwordOnly(client, pool, "admin@example.org")
            #expect(first.location == "/login/second-factor")
            #expect(
                try await client.execute(uri: "/login/enrol", method: .get, headers: attacker.headers).location == "/login/second-factor")
            let chosen = "zzzzzzzzzzzzzzzzzzzz"
            let forged = try await Self.post(client, attacker, "/login/enrol", ["secret": chosen, "code": SignInTests.totp(chosen)])
            #expect(forged.status == .seeOther && forged.location == "/login/second-factor")
            #expect(try await pool.queryValue("SELECT totp_secret FROM app_user WHERE id = \(id)", as: String.self) == before)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM recovery_code WHERE user_id = \(id)", as: Int.self) == 0)
            #expect(
                try await client.execute(uri: "/admin/users", method: .get, headers: attacker.headers).status == .seeOther,
                "still half signed in")
            // In the statement that writes it: an account with a factor is never enrolled again.
            #expect(
                try await pool.withConnection { connection in
                    try SecondFactor.enrol(userID: id, secret: chosen, step: 1, key: .development, on: connection)
                }
                    == false)
        }
    }

    @Test("1: re-enrolment needs the present factor; the owner is told on their account page")
    func replacementNeedsTheFactor() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let secret = "abcdefghjkmnpqrstuvw"
            let id = try await Self.adminWithFactor(pool, secret: secret)
            let owner = try await People.signIn(pool, id)
            #expect(try await client.execute(uri: "/account/second-factor", method: .get, headers: owner.headers).status == .ok)
            let sealed = try await pool.queryValue(
                "SELECT proposed_totp_secret FROM user_session WHERE user_id = \(id) AND ended_at IS NULL", as: String.self)
            let proposed = try #require(SecondFactorKey.development.open(sealed))
            let wrong = try await Self.post(
                client, owner, "/account/second-factor", ["current_code": "000000", "code": SignInTests.totp(proposed)])
            #expect(wrong.status == .unprocessableContent)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM security_notice WHERE user_id = \(id)", as: Int.self) == 0)
            let right = try await Self.post(
                client, owner, "/account/second-factor",
                ["current_code": SignInTests.totp(secret, offset: 1), "code": SignInTests.totp(proposed)])
            #expect(right.status == .ok && right.text.contains("<code>"))
            let stored = try await pool.queryValue("SELECT totp_secret FROM app_user WHERE id = \(id)", as: String.self)
            #expect(SecondFactorKey.development.open(stored) == proposed)
            let account = try await client.execute(uri: "/account", method: .get, headers: owner.headers)
            #expect(account.text.contains("Your authenticator app was replaced"))
        }
    }

    // 2

    @Test("2: five wrong codes end the pending session; then codes stop for the account, a recovery code still works")
    func secondFactorLimits() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await Self.adminWithFactor(pool)
            let codes = try await pool.withConnection { connection in try SecondFactor.newRecoveryCodes(userID: id, on: connection) }
            let (attacker, _) = try await Self.passwordOnly(client, pool, "admin@example.org")
            for _ in 1...4 {
                #expect(try await Self.post(client, attacker, "/login/second-factor", ["code": "123456"]).status == .unauthorized)
            }
            let fifth = try await Self.post(client, attacker, "/login/second-factor", ["code": "123456"])
            #expect(fifth.status == .seeOther && fifth.location == "/login")
            #expect(
                try await client.execute(uri: "/login/second-factor", method: .get, headers: attacker.headers).status == .seeOther,
                "the pending session is over")
            let (again, _) = try await Self.passwordOnly(client, pool, "admin@example.org")
            let locked = try await Self.post(client, again, "/login/second-factor", ["code": SignInTests.totp("abcdefghjkmnpqrstuvw")])
            #expect(locked.status == .tooManyRequests, "even a right code waits: the account has had five wrong ones")
            let recovered = try await Self.post(client, again, "/login/second-factor", ["code": codes[0]])
            #expect(recovered.location == "/work", "the owner gets past with a recovery code")
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM security_notice WHERE user_id = \(id) AND kind = 'second_factor_locked'", as: Int.self) == 1)
        }
    }

    // 3

    @Test("3: staff cannot become a survivor: no role change or password link on a survivor account, even with its roles gone")
    func survivorAccountsStayTheirs() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let panel = try await Self.panel(pool)
            let member = try await Self.member(pool, "Amani", panel: panel)
            let manager = try await People.signIn(pool, try await People.make(pool, "s@example.org", roles: [.secretariat]))
            let roles = try await Self.post(
                client, manager, "/admin/users/\(member)",
                ["display_name": "X", "role": "focal_point", "entity": String(try await People.entity(pool, "E"))])
            #expect(roles.status == .forbidden)
            #expect(
                try await client.execute(
                    uri: "/admin/users/\(member)/invitation", method: .post, headers: manager.post().0, body: manager.post().1
                ).status == .forbidden)
            // The attack's first step, removing the role, is refused; had it happened, the link is still refused.
            try await pool.execute("DELETE FROM user_role WHERE user_id = \(member)")
            #expect(try await Self.post(client, manager, "/admin/users/\(member)/invitation").status == .forbidden)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM invitation WHERE user_id = \(member)", as: Int.self) == 0)
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM audit_event WHERE action = 'user.change_refused' AND target_id = \(String(member))",
                    as: Int.self) == 3)
            await #expect(throws: DatabaseError.self) {
                try await pool.execute(
                    "INSERT INTO invitation (token_hash, user_id, expires_at) VALUES ('\\x01', \(member), now() + interval '1 day')")
            }
            await #expect(throws: DatabaseError.self) { try await pool.execute("INSERT INTO user_role VALUES (\(member), 'secretariat')") }
            await #expect(throws: DatabaseError.self) {
                try await pool.execute("UPDATE app_user SET email = 'staff@example.org' WHERE id = \(member)")
            }
        }
    }

    // 4

    @Test("4: 'pledge owners' feedback keeps the audience its author saw; a co-owner cannot take the pledge over")
    func audienceKeptWithTheItem() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let owner = try await People.entity(pool, "Owner"), other = try await People.entity(pool, "Newcomer")
            let pledge = try await Pledges.make(pool, owner: owner, title: "Shelter pledge", countries: ["KEN"], measures: [6])
            let panel = try await Self.panel(pool)
            let author = try await Self.member(pool, "Amani", panel: panel)
            let item = try await pool.queryValue(
                """
                INSERT INTO feedback (panel_id, author_id, pledge_id, scope, body, moderation)
                VALUES (\(panel), \(author), \(pledge), 'pledge_owners', 'For the owners only 51c2', 'published') RETURNING id
                """, as: Int.self)
            let newcomer = try await People.signIn(
                pool, try await People.make(pool, "fo@example.org", roles: [.focalPoint], entities: [other]))
            let ownerFP = try await People.signIn(
                pool, try await People.make(pool, "fp@example.org", roles: [.focalPoint], entities: [owner]))
            #expect(try await client.execute(uri: "/feedback/\(item)", method: .get, headers: ownerFP.headers).text.contains("51c2"))
            try await pool.execute("INSERT INTO pledge_co_owner (pledge_id, entity_id) VALUES (\(pledge), \(other))")
            #expect(
                try await client.execute(uri: "/feedback/\(item)", method: .get, headers: newcomer.headers).status == .notFound,
                "adding a co-owner does not widen who reads earlier texts")
            // The co-owner tries to make itself the owner and drop the original one.
            let takeover = try await Self.post(
                client, newcomer, "/pledges/\(pledge)/edit",
                PledgeTests.pledgeForm(other, ["co_owner": "", "version": "1"]))
            #expect(takeover.status == .unprocessableContent && takeover.text.contains("Only the owner’s focal points or the secretariat"))
            #expect(try await pool.queryValue("SELECT owner_entity_id FROM pledge WHERE id = \(pledge)", as: Int.self) == owner)
            // Asked again, the author shares with the present owners.
            let authorBrowser = try await People.signIn(pool, author)
            #expect(
                try await client.execute(uri: "/feedback/\(item)", method: .get, headers: authorBrowser.headers).text.contains(
                    "Share with the present owners"))
            #expect(try await Self.post(client, authorBrowser, "/feedback/\(item)/audience").status == .seeOther)
            #expect(try await client.execute(uri: "/feedback/\(item)", method: .get, headers: newcomer.headers).text.contains("51c2"))
        }
    }

    // 5

    @Test("5: a role that needs a second factor is not used without one; a change of roles ends the person's sessions")
    func rolesAndSecondFactor() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await People.make(pool, "fp@example.org", roles: [.focalPoint], entities: [try await People.entity(pool, "E")])
            let response = try await SignInTests.signIn(client, "fp@example.org", People.password)
            let token = try #require(SignInTests.cookieValue(response, "__Host-pt_session"))
            var live = HTTPFields(); live[.cookie] = "__Host-pt_session=\(token)"
            #expect(
                try await pool.queryValue("SELECT second_factor_done FROM user_session WHERE user_id = \(id)", as: Bool.self) == false,
                "a password alone is not a second factor")
            // The role arrives without the sessions ending (as a direct change would): still no admin pages.
            try await pool.execute("INSERT INTO user_role VALUES (\(id), 'admin')")
            #expect(try await client.execute(uri: "/admin/users", method: .get, headers: live).location == "/login?next=/admin/users")
            try await pool.execute("DELETE FROM user_role WHERE user_id = \(id) AND role = 'admin'")
            let admin = try await People.signIn(pool, try await People.make(pool, "a@example.org", roles: [.admin]))
            let change = try await Self.post(client, admin, "/admin/users/\(id)", ["display_name": "FP", "role": "secretariat"])
            #expect(change.status == .seeOther)
            #expect(
                try await pool.queryValue("SELECT count(*)::int FROM user_session WHERE user_id = \(id) AND ended_at IS NULL", as: Int.self)
                    == 0)
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM security_notice WHERE user_id = \(id) AND kind = 'roles_changed'", as: Int.self) == 1)
        }
    }

    // 6

    @Test("6: no open redirect through control characters, after sign-in or after consent")
    func openRedirect() async throws {
        for unsafe in [
            "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example", "/\u{7f}/evil.example", "/\\evil.example",
            "/%09/x\t",
        ] {
            #expect(LocalPath.checked(unsafe) == nil, "\(unsafe.debugDescription)")
        }
        #expect(LocalPath.checked("/feedback/new?pledge=3") == "/feedback/new?pledge=3")
        try await AppHarness.withApp { client, services in
            try await People.make(services.pool, "fp@example.org", roles: [.focalPoint])
            var (h, b) = People.visitor().post(["email": "fp@example.org", "password": People.password, "next": "/\t/evil.example"])
            let signIn = try await client.execute(uri: "/login", method: .post, headers: h, body: b)
            #expect(signIn.location == "/work")
            let panel = try await Self.panel(services.pool)
            let member = try await People.signIn(services.pool, try await Self.member(services.pool, "Amani", panel: panel))
            let version = try await services.pool.queryValue("SELECT max(version) FROM consent_notice", as: Int.self)
            (h, b) = member.post(["version": String(version), "next": "/\t/evil.example"])
            let consent = try await client.execute(uri: "/feedback/consent", method: .post, headers: h, body: b)
            #expect(consent.location?.contains("evil") == false)
        }
    }

    // 7

    @Test("7: managers do not edit their own roles; only an admin changes a panel's facilitator, and members see it")
    func ownRolesAndFacilitators() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let sID = try await People.make(pool, "s@example.org", roles: [.secretariat])
            let secretariat = try await People.signIn(pool, sID)
            let own = try await Self.post(
                client, secretariat, "/admin/users/\(sID)", ["display_name": "S", "role": ["secretariat", "panel_facilitator"].joined()])
            #expect(own.status == .unprocessableContent)
            let (h, b) = secretariat.post(["display_name": "S"])
            let both = try await client.execute(
                uri: "/admin/users/\(sID)", method: .post, headers: h,
                body: ByteBuffer(string: String(buffer: b) + "&role=secretariat&role=panel_facilitator"))
            #expect(both.status == .unprocessableContent && both.text.contains("You cannot change your own roles"))
            #expect(
                try await pool.queryValue("SELECT array_agg(role)::text[] FROM user_role WHERE user_id = \(sID)", as: [String].self) == [
                    "secretariat"
                ])

            let first = try await People.make(pool, "f1@example.org", roles: [.panelFacilitator], name: "First")
            let second = try await People.make(pool, "f2@example.org", roles: [.panelFacilitator], name: "Second")
            let created = try await Self.post(
                client, secretariat, "/panels/new",
                ["name": "Panel X", "country": "KEN", "facilitator": String(first), "flag_threshold": "3"])
            #expect(created.status == .seeOther)
            let panel = try await pool.queryValue("SELECT id FROM panel WHERE name = 'Panel X'", as: Int.self)
            let fields = ["name": "Panel X", "country": "KEN", "facilitator": String(second), "flag_threshold": "3"]
            let refused = try await Self.post(client, secretariat, "/panels/\(panel)/edit", fields)
            #expect(refused.status == .unprocessableContent && refused.text.contains("Only an admin can change who facilitates"))
            #expect(try await pool.queryValue("SELECT facilitator_id FROM panel WHERE id = \(panel)", as: Int.self) == first)
            let admin = try await People.signIn(pool, try await People.make(pool, "a@example.org", roles: [.admin]))
            #expect(try await Self.post(client, admin, "/panels/\(panel)/edit", fields).status == .seeOther)
            let member = try await People.signIn(pool, try await Self.member(pool, "Amani", panel: panel))
            let page = try await client.execute(uri: "/panels/\(panel)", method: .get, headers: member.headers)
            #expect(page.text.contains("Second") && page.text.contains("named by an admin"))
        }
    }

    // 8

    @Test("8: measure 18's public counts count only what the public may read, and hold small counts back")
    func publicCounts() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let panel = try await pool.queryValue("INSERT INTO panel (name) VALUES ('Quiet panel') RETURNING id", as: Int.self)
            let author = try await Self.member(pool, "Amani", panel: panel)
            for _ in 1...7 {
                try await pool.execute(
                    """
                    INSERT INTO feedback (panel_id, author_id, scope, body, moderation) VALUES (\(panel), \(author), 'secretariat', 'restricted', 'published')
                    """)
            }
            let page = try await client.execute(uri: "/dashboards/measures/18", method: .get)
            #expect(page.status == .ok)
            #expect(!page.text.contains("Quiet panel"), "no count of restricted feedback by panel")
            #expect(page.text.contains("Public feedback: 0."), "restricted items are not counted")
            try await pool.execute(
                "INSERT INTO feedback (panel_id, author_id, scope, body, moderation) VALUES (\(panel), \(author), 'public', 'open', 'published')"
            )
            let one = try await client.execute(uri: "/dashboards/measures/18", method: .get)
            #expect(one.text.contains("fewer than 5"), "a single public item is a small cell")
            #expect(
                SmallCells.suppress([("a", 20), ("b", 3), ("c", 9)]).map(\.1) == [20, nil, nil],
                "one held-back cell takes the next smallest with it")
            #expect(SmallCells.suppress([("a", 20), ("b", 0)]).map(\.1) == [20, 0])
        }
    }

    // 9

    @Test("9: visitors cannot take every download place: staff keep theirs, one place per visitor address")
    func downloadGate() async throws {
        let gate = ExportGate(.init(limit: 4, staffReserved: 2, perClient: 1, perAccount: 2))
        let a = gate.enter(.visitor(address: "198.51.100.1")), b = gate.enter(.visitor(address: "198.51.100.2"))
        #expect(a != nil && b != nil)
        #expect(gate.enter(.visitor(address: "198.51.100.1")) == nil, "one at a time per address")
        #expect(gate.enter(.visitor(address: "198.51.100.3")) == nil, "visitors have used their places")
        let staff1 = gate.enter(.account(id: 1)), staff2 = gate.enter(.account(id: 2))
        #expect(staff1 != nil && staff2 != nil, "the secretariat still gets in")
        withExtendedLifetime((a, b, staff1, staff2)) {}
        // The same public brief is built once per data version, however many ask for it.
        let cache = PublicBriefCache()
        final class Builds: Sendable { let count = Mutex(0) }
        let builds = Builds()
        let key = PublicBriefCache.Key(query: "", format: "pdf", language: "en", day: "2026-12-01")
        try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.file(key, version: 7) {
                        builds.count.withLock { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(50))
                        return ByteBuffer(string: "pdf")
                    }
                }
            }
            for try await _ in group {}
        }
        #expect(builds.count.withLock { $0 } == 1)
        try await AppHarness.withApp { client, _ in
            for _ in 0..<3 {
                let status = try await client.execute(uri: "/reports/download?format=brief", method: .get).status
                #expect(status == .ok)
            }
        }
    }

    // 10

    @Test("10: a join link counts every try and gives one message for any refusal")
    func joinLinkTries() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let panel = try await Self.panel(pool)
            _ = try await Self.member(pool, "Amani", panel: panel)
            let facilitator = try await People.make(pool, "f@example.org", roles: [.panelFacilitator])
            let token = try await pool.withConnection { connection in
                try PanelWrites.createInvitation(panelID: panel, by: facilitator, on: connection)
            }
            let visitor = People.visitor()
            func join(_ pseudonym: String, _ email: String = "") async throws -> TestResponse {
                try await Self.post(
                    client, visitor, "/join/\(token)",
                    [
                        "pseudonym": pseudonym, "email": email,
                        "password": "a long and unusual phrase", "password_confirmation": "a long and unusual phrase",
                    ])
            }
            let pseudonymTaken = try await join("Amani")
            let emailTaken = try await join("Someone new", "amani@example.org")
            #expect(pseudonymTaken.status == .unprocessableContent && emailTaken.status == .unprocessableContent)
            let message = "This pseudonym or e-mail address cannot be used."
            #expect(pseudonymTaken.text.contains(message) && emailTaken.text.contains(message))
            #expect(!pseudonymTaken.text.contains("taken") && !emailTaken.text.contains("exists"))
            for _ in 3...5 { #expect(try await join("Amani").status == .unprocessableContent) }
            #expect(try await join("A fresh name").status == .gone, "the sixth try finds the link used up")
        }
    }

    // 11, 12

    @Test("11, 12: 'delete my account, keep my texts' leaves no link to the account; staff exports still work")
    func deletionLeavesNoLink() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let panel = try await Self.panel(pool)
            let id = try await Self.member(pool, "Amani", panel: panel)
            let member = try await People.signIn(pool, id)
            let posted = try await Self.post(client, member, "/feedback/new", ["body": "Kept after I leave 9d1e", "scope": "secretariat"])
            #expect(posted.status == .seeOther)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM audit_event WHERE actor_id = \(id)", as: Int.self) > 0)
            let deleted = try await Self.post(client, member, "/account/delete", ["texts": "keep", "password": People.password])
            #expect(deleted.status == .seeOther)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM audit_event WHERE actor_id = \(id)", as: Int.self) == 0)
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM audit_event WHERE target_type = 'user' AND target_id = \(String(id))", as: Int.self) == 0)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM user_session WHERE user_id = \(id)", as: Int.self) == 0)
            #expect(
                try await pool.queryValue("SELECT count(*)::int FROM feedback WHERE author_id IS NULL AND body LIKE '%9d1e'", as: Int.self)
                    == 1)
            // 12: the kept text has no author; staff downloads read it without failing.
            let secretariat = try await People.signIn(pool, try await People.make(pool, "s@example.org", roles: [.secretariat]))
            let csv = try await client.execute(uri: "/reports/download?format=feedback.csv", method: .get, headers: secretariat.headers)
            #expect(csv.status == .ok && csv.text.contains("9d1e") == false && csv.text.components(separatedBy: "\r\n").count >= 3)
            let workbook = try await client.execute(uri: "/reports/download?format=xlsx", method: .get, headers: secretariat.headers)
            #expect(workbook.status == .ok && workbook.body.readableBytes > 1000)
            // 13: a deleted account stays closed.
            let admin = try await People.signIn(pool, try await People.make(pool, "a@example.org", roles: [.admin]))
            let enable = try await Self.post(client, admin, "/admin/users/\(id)/enable")
            #expect(enable.status == .seeOther)
            #expect(try await pool.queryValue("SELECT disabled_at IS NOT NULL FROM app_user WHERE id = \(id)", as: Bool.self))
        }
    }

    // 13

    @Test("13: no client address kept for panel members; authenticator secrets encrypted; old throttle rows expire")
    func storedData() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let panel = try await Self.panel(pool)
            let id = try await Self.member(pool, "Amani", panel: panel)
            let response = try await SignInTests.signIn(client, "amani", People.password)
            #expect(response.status == .seeOther)
            #expect(
                try await pool.queryValue("SELECT string_agg(client_address, '') FROM user_session WHERE user_id = \(id)", as: String.self)
                    == "")
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM audit_event WHERE actor_id = \(id) AND client_address IS NOT NULL", as: Int.self) == 0)
            let admin = try await Self.adminWithFactor(pool, secret: "abcdefghjkmnpqrstuvw")
            let stored = try await pool.queryValue("SELECT totp_secret FROM app_user WHERE id = \(admin)", as: String.self)
            #expect(stored.hasPrefix("v1:") && !stored.contains("abcdefghjkmnpqrstuvw"))
            try await pool.execute("UPDATE app_user SET totp_secret = 'abcdefghjkmnpqrstuvw' WHERE id = \(admin)")
            #expect(
                try await pool.withConnection { connection in try SecondFactor.sealPlainSecrets(key: .development, on: connection) } == 1)
            #expect(try await pool.queryValue("SELECT totp_secret LIKE 'v1:%' FROM app_user WHERE id = \(admin)", as: Bool.self))
            try await pool.execute(
                "INSERT INTO sign_in_failure (email, client_address, at) VALUES ('x@example.org', '203.0.113.1', now() - interval '2 days')"
            )
            try await RetentionService.apply(pool)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM sign_in_failure", as: Int.self) == 0)
        }
    }

    @Test("13: guessing from many addresses locks out unknown browsers, never the owner's own")
    func ownerGetsPastTheLock() async throws {
        var config = AppHarness.configuration
        config.trustProxy = true
        try await AppHarness.withApp(configuration: config) { client, services in
            let pool = services.pool
            try await People.make(pool, "fp@example.org", roles: [.focalPoint])
            var home = HTTPFields(); home[HTTPField.Name("X-Forwarded-For")!] = "198.51.100.7"
            let first = try await SignInTests.signIn(client, "fp@example.org", People.password, extra: home)
            let device = try #require(SignInTests.cookieValue(first, "__Host-pt_device"))
            #expect(try await SignInTests.signIn(client, "fp@example.org", "a wrong guess", extra: home).status == .unauthorized)
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM sign_in_failure WHERE client_address LIKE '%198.51.100%'", as: Int.self)
                    == 0,
                "the limits keep a keyed digest of the address, not the address")
            #expect(try await pool.queryValue("SELECT count(*)::int FROM sign_in_failure", as: Int.self) == 1)
            try await pool.execute(
                """
                INSERT INTO sign_in_failure (email, client_address) SELECT 'fp@example.org', '203.0.113.' || (i % 250) FROM generate_series(1, 100) i
                """)
            var stranger = HTTPFields(); stranger[HTTPField.Name("X-Forwarded-For")!] = "192.0.2.50"
            #expect(try await SignInTests.signIn(client, "fp@example.org", People.password, extra: stranger).status == .tooManyRequests)
            let visitor = People.visitor()
            var (h, b) = visitor.post(["email": "fp@example.org", "password": People.password, "next": "/account"])
            h[HTTPField.Name("X-Forwarded-For")!] = "192.0.2.50"
            h[.cookie] = visitor.cookie + "; __Host-pt_device=\(device)"
            #expect(
                try await client.execute(uri: "/login", method: .post, headers: h, body: b).status == .seeOther,
                "the owner's own browser gets in")
            h[.cookie] = visitor.cookie + "; __Host-pt_device=forged"
            (h, b) = (h, visitor.post(["email": "fp@example.org", "password": People.password]).1)
            #expect(try await client.execute(uri: "/login", method: .post, headers: h, body: b).status == .tooManyRequests)
        }
    }

    @Test("13: flags from the pledge's own focal points do not hide feedback about it")
    func ownersCannotHideCriticism() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let owner = try await People.entity(pool, "Owner")
            let pledge = try await Pledges.make(pool, owner: owner)
            let panel = try await pool.queryValue("INSERT INTO panel (name, flag_threshold) VALUES ('P', 1) RETURNING id", as: Int.self)
            let author = try await Self.member(pool, "Amani", panel: panel)
            let item = try await pool.queryValue(
                """
                INSERT INTO feedback (panel_id, author_id, pledge_id, scope, body, moderation) VALUES (\(panel), \(author), \(pledge), 'public', 'Critical', 'published') RETURNING id
                """, as: Int.self)
            let focal = try await People.signIn(
                pool, try await People.make(pool, "fp@example.org", roles: [.focalPoint], entities: [owner]))
            #expect(try await Self.post(client, focal, "/feedback/\(item)/flag", ["reason": "We disagree"]).status == .seeOther)
            #expect(try await pool.queryValue("SELECT moderation FROM feedback WHERE id = \(item)", as: String.self) == "published")
            let reader = try await People.signIn(pool, try await People.make(pool, "r@example.org", roles: [.focalPoint]))
            #expect(try await Self.post(client, reader, "/feedback/\(item)/flag", ["reason": "Harmful"]).status == .seeOther)
            #expect(try await pool.queryValue("SELECT moderation FROM feedback WHERE id = \(item)", as: String.self) == "hidden")
        }
    }

    @Test(
        "13: anonymous denials are counted, not audited one row each; lengths are checked as PostgreSQL counts; pages with survivor text are not cached"
    )
    func smallerItems() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let visitor = People.visitor()
            for _ in 0..<5 { #expect(try await Self.post(client, visitor, "/admin/users/new").status == .forbidden) }
            #expect(try await pool.queryValue("SELECT count(*)::int FROM audit_event WHERE action = 'access.denied'", as: Int.self) == 0)
            let focal = try await People.signIn(pool, try await People.make(pool, "fp@example.org", roles: [.focalPoint]))
            #expect(try await Self.post(client, focal, "/admin/users/new").status == .forbidden)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM audit_event WHERE action = 'access.denied'", as: Int.self) == 1)

            let panel = try await Self.panel(pool)
            let facilitator = try await People.make(pool, "f@example.org", roles: [.panelFacilitator])
            let token = try await pool.withConnection { connection in
                try PanelWrites.createInvitation(panelID: panel, by: facilitator, on: connection)
            }
            let accented = String(repeating: "e\u{301}\u{302}", count: 40)  // 40 letters, 120 code points
            #expect(accented.count == 40)
            let join = try await Self.post(
                client, visitor, "/join/\(token)",
                [
                    "pseudonym": accented, "password": "a long and unusual phrase",
                    "password_confirmation": "a long and unusual phrase",
                ])
            #expect(join.status == .unprocessableContent)

            for path in ["/feedback", "/dashboards/measures/18"] {
                #expect(try await client.execute(uri: path, method: .get).headers[.cacheControl] == "no-store", "\(path)")
            }
        }
    }

    @Test("13: withdrawn text is vacuumed out of the data files soon after")
    func vacuumAfterWithdrawal() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let panel = try await Self.panel(pool)
            let id = try await Self.member(pool, "Amani", panel: panel)
            let item = try await pool.queryValue(
                "INSERT INTO feedback (panel_id, author_id, scope, body) VALUES (\(panel), \(id), 'panel', 'To erase') RETURNING id",
                as: Int.self)
            let member = try await People.signIn(pool, id)
            #expect(try await Self.post(client, member, "/feedback/\(item)/withdraw").status == .seeOther)
            var vacuumed = false
            for _ in 0..<50 where !vacuumed {
                try await Task.sleep(for: .milliseconds(100))
                vacuumed = try await pool.queryValue(
                    "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'feedback'", as: Bool.self)
            }
            #expect(vacuumed)
        }
    }
}
