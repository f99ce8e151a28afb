import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("Inviting people, passwords, user management and the audit log")
struct UserManagementTests {
    static func invite(_ client: some TestClientProtocol, _ admin: People.Browser, _ fields: [String: String]) async throws -> TestResponse
    {
        let (h, b) = admin.post(fields)
        return try await client.execute(uri: "/admin/users/new", method: .post, headers: h, body: b)
    }

    static func inviteToken(_ response: TestResponse) -> String? {
        response.text.firstMatch(of: /\/invite\/([A-Za-z0-9_-]{43})/).map { String($0.1) }
    }

    @Test("an admin invites a focal point: account, role, entity, a one-time link and an audit entry")
    func inviteAndSetPassword() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let admin = try await People.signIn(pool, try await People.make(pool, "admin@example.org", roles: [.admin]))
            let entity = try await People.entity(pool, "Safe Passage")
            let created = try await Self.invite(
                client, admin,
                [
                    "email": " New.Person@Example.org", "display_name": "New Person",
                    "role": "focal_point", "entity": String(entity),
                ])
            #expect(created.status == .ok)
            let token = try #require(Self.inviteToken(created))
            #expect(created.text.contains("http://127.0.0.1:8080/invite/\(token)"))
            let id = try await pool.queryValue("SELECT id FROM app_user WHERE email = 'new.person@example.org'", as: Int.self)
            #expect(
                try await pool.queryValue("SELECT array_agg(role)::text[] FROM user_role WHERE user_id = \(id)", as: [String].self) == [
                    "focal_point"
                ])
            #expect(
                try await pool.queryValue("SELECT array_agg(entity_id)::bigint[] FROM entity_member WHERE user_id = \(id)", as: [Int].self)
                    == [entity])
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM audit_event WHERE action = 'user.invited' AND target_id = \(String(id))", as: Int.self) == 1)

            // The invited person sets a password; the rules speak on the form.
            let visitor = People.visitor()
            func set(_ password: String, _ confirmation: String) async throws -> TestResponse {
                let (h, b) = visitor.post(["password": password, "password_confirmation": confirmation])
                return try await client.execute(uri: "/invite/\(token)", method: .post, headers: h, body: b)
            }
            #expect(try await client.execute(uri: "/invite/\(token)", method: .get).text.contains("Welcome, <bdi>New Person</bdi>."))
            let short = try await set("short", "short")
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("Use at least 8 characters."))
            #expect(try await set("Password123", "Password123").text.contains("one of the most common ones"))
            #expect(try await set("a long and unusual phrase 🌻", "something else").text.contains("The two passwords are not the same."))
            let done = try await set("a long and unusual phrase 🌻", "a long and unusual phrase 🌻")
            #expect(done.status == .seeOther)
            #expect(done.location == "/login")
            // The link works once.
            #expect(try await set("another long phrase here", "another long phrase here").status == .gone)
            #expect(try await client.execute(uri: "/invite/\(token)", method: .get).text.contains("This link no longer works"))
            // And the new password signs in.
            let signIn = try await SignInTests.signIn(client, "new.person@example.org", "a long and unusual phrase 🌻")
            #expect(signIn.status == .seeOther)
        }
    }

    @Test("an expired invitation no longer works; a new link replaces the old one")
    func expiredInvitation() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let admin = try await People.signIn(pool, try await People.make(pool, "admin@example.org", roles: [.admin]))
            let created = try await Self.invite(
                client, admin, ["email": "x@example.org", "display_name": "X", "role": "panel_facilitator"])
            let first = try #require(Self.inviteToken(created))
            try await pool.execute("UPDATE invitation SET expires_at = now() - interval '1 minute'")
            #expect(try await client.execute(uri: "/invite/\(first)", method: .get).status == .gone)
            let id = try await pool.queryValue("SELECT id FROM app_user WHERE email = 'x@example.org'", as: Int.self)
            let (h, b) = admin.post()
            let renewed = try await client.execute(uri: "/admin/users/\(id)/invitation", method: .post, headers: h, body: b)
            let second = try #require(Self.inviteToken(renewed))
            #expect(try await client.execute(uri: "/invite/\(second)", method: .get).status == .ok)
        }
    }

    @Test("invalid invitations come back with every message and what was typed")
    func inviteValidation() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let admin = try await People.signIn(pool, try await People.make(pool, "admin@example.org", roles: [.admin]))
            try await People.make(pool, "taken@example.org", roles: [.panelMember])
            let bad = try await Self.invite(client, admin, ["email": "not-an-email", "display_name": "", "role": "focal_point"])
            #expect(bad.status == .unprocessableContent)
            for message in [
                "Enter an e-mail address like", "Enter a name of 1 to 100 characters.",
                "A focal point belongs to at least one pledging entity",
            ] {
                #expect(bad.text.contains(message))
            }
            #expect(bad.text.contains("value=\"not-an-email\""))
            #expect(bad.text.contains("value=\"focal_point\" checked"))
            let taken = try await Self.invite(
                client, admin, ["email": "taken@example.org", "display_name": "Someone", "role": "secretariat"])
            #expect(taken.status == .unprocessableContent)
            #expect(taken.text.contains("An account with this e-mail address exists already."))
            let unknownEntity = try await Self.invite(
                client, admin, ["email": "y@example.org", "display_name": "Y", "role": "focal_point", "entity": "999999"])
            #expect(unknownEntity.text.contains("does not exist any more"))
            #expect(try await pool.queryValue("SELECT count(*)::int FROM app_user", as: Int.self) == 2, "nothing half-written")
        }
    }

    @Test("changing your password needs the current one and signs you out everywhere else")
    func changePassword() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await People.make(pool, "me@example.org", roles: [.focalPoint])
            let here = try await People.signIn(pool, id)
            let elsewhere = try await People.signIn(pool, id)
            var (h, b) = here.post([
                "current_password": "wrong", "password": "a new long password", "password_confirmation": "a new long password",
            ])
            let wrong = try await client.execute(uri: "/account/password", method: .post, headers: h, body: b)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Your current password is not right."))
            (h, b) = here.post([
                "current_password": People.password, "password": "a new long password", "password_confirmation": "a new long password",
            ])
            let changed = try await client.execute(uri: "/account/password", method: .post, headers: h, body: b)
            #expect(changed.status == .seeOther)
            #expect(try await client.execute(uri: "/account", method: .get, headers: here.headers).status == .ok)
            #expect(try await client.execute(uri: "/account", method: .get, headers: elsewhere.headers).status == .seeOther)
            #expect(try await SignInTests.signIn(client, "me@example.org", "a new long password").status == .seeOther)
        }
    }

    @Test("roles and entities are saved with their before and after in the audit log")
    func editUser() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let admin = try await People.signIn(pool, try await People.make(pool, "admin@example.org", roles: [.admin]))
            let entity = try await People.entity(pool, "E1")
            let id = try await People.make(pool, "p@example.org", roles: [.panelFacilitator])
            let (h, b) = admin.post(["display_name": "Renamed", "role": "focal_point", "entity": String(entity)])
            let saved = try await client.execute(uri: "/admin/users/\(id)", method: .post, headers: h, body: b)
            #expect(saved.status == .seeOther)
            let page = try await client.execute(
                uri: "/admin/users/\(id)", method: .get, headers: admin.headers.merging(cookie: "__Host-pt_flash=flashUserSaved"))
            #expect(page.text.contains("<h1>\u{2068}Renamed\u{2069}</h1>"), "the name as the title, isolated")
            #expect(page.text.contains("Saved."))
            let detail = try await pool.queryValue("SELECT detail::text FROM audit_event WHERE action = 'user.updated'", as: String.self)
            #expect(detail.contains("\"roles_before\": \"panel_facilitator\""))
            #expect(detail.contains("\"roles_after\": \"focal_point\""))
        }
    }

    @Test("the audit log lists events newest first and filters them")
    func auditLog() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let adminID = try await People.make(pool, "admin@example.org", roles: [.admin])
            let admin = try await People.signIn(pool, adminID)
            try await pool.execute(
                """
                INSERT INTO audit_event (actor_id, action, at) VALUES
                    (\(adminID), 'sign_in.password', '2026-01-02T10:00:00Z'), (NULL, 'sign_in.failed', '2026-01-03T10:00:00Z'),
                    (\(adminID), 'user.invited', '2026-02-01T10:00:00Z')
                """)
            let all = try await client.execute(uri: "/admin/audit", method: .get, headers: admin.headers)
            #expect(all.status == .ok)
            let order = all.text.matches(of: /<code dir="ltr">([a-z_.]+)<\/code>/).map { String($0.1) }
            #expect(order == ["user.invited", "sign_in.failed", "sign_in.password"])
            let signIns = try await client.execute(uri: "/admin/audit?action=sign_in&from=2026-01-03", method: .get, headers: admin.headers)
            #expect(signIns.text.matches(of: /<code dir="ltr">([a-z_.]+)<\/code>/).map { String($0.1) } == ["sign_in.failed"])
            #expect(signIns.text.contains("3 January 2026"))
            let byActor = try await client.execute(uri: "/admin/audit?actor=admin%40example.org", method: .get, headers: admin.headers)
            #expect(byActor.text.matches(of: /<code dir="ltr">([a-z_.]+)<\/code>/).count == 2)
        }
    }

    @Test("demo data loads once and create-admin makes a working set-password link")
    func demoAndBootstrap() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            #expect(try await DemoData.loadIfEmpty(pool, hasher: services.hasher))
            #expect(try await !DemoData.loadIfEmpty(pool, hasher: services.hasher))
            #expect(try await DemoData.presentAccounts(pool).count == Role.allCases.count)
            let member = try #require(DemoData.accounts.first { $0.roles == [.panelMember] })
            #expect(try await SignInTests.signIn(client, member.email, member.password).status == .seeOther)
            let link = try await AdminBootstrap.createAdmin(
                email: "Boss@Example.org", name: "Boss", publicURL: "https://pt.example", on: pool)
            #expect(link.hasPrefix("https://pt.example/invite/"))
            #expect(try await client.execute(uri: String(link.dropFirst("https://pt.example".count)), method: .get).status == .ok)
            await #expect(throws: AdminBootstrap.Failure.self) {
                try await AdminBootstrap.createAdmin(email: "boss@example.org", name: "Boss", publicURL: "https://pt.example", on: pool)
            }
        }
    }
}

extension HTTPFields {
    func merging(cookie: String) -> HTTPFields {
        var fields = self
        fields[.cookie] = [self[.cookie], cookie].compactMap { $0 }.joined(separator: "; ")
        return fields
    }
}
