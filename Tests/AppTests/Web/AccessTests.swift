import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

/// Who may use what. The expectations here are written out by hand, apart from the rules in
/// `Routes`: change a rule, or add a route without one, and these tests fail.
@Suite("Access control")
struct AccessTests {
    enum Expect: Sendable {
        case everyone
        case pendingSecondFactorOnly
        case signedIn
        case only(Set<Role>)
    }

    /// Every route, and who may use it.
    static let matrix: [String: Expect] = [
        "GET /": .everyone, "GET /measures": .everyone, "GET /measures/{number}": .everyone,
        "GET /healthz": .everyone, "GET /readyz": .everyone, "GET /metrics": .everyone,
        "GET /login": .everyone, "POST /login": .everyone, "POST /logout": .everyone,
        "GET /login/second-factor": .pendingSecondFactorOnly, "POST /login/second-factor": .pendingSecondFactorOnly,
        "GET /login/enrol": .pendingSecondFactorOnly, "POST /login/enrol": .pendingSecondFactorOnly,
        "GET /invite/{token}": .everyone, "POST /invite/{token}": .everyone,
        "GET /work": .signedIn, "GET /account": .signedIn, "POST /account/password": .signedIn,
        "POST /account/sessions/end-others": .signedIn, "POST /account/language": .signedIn,
        "POST /account/notices/seen": .signedIn, "GET /account/second-factor": .signedIn, "POST /account/second-factor": .signedIn,
        "GET /admin/users": .only([.admin, .secretariat]), "GET /admin/users/new": .only([.admin, .secretariat]),
        "POST /admin/users/new": .only([.admin, .secretariat]), "GET /admin/users/{id}": .only([.admin, .secretariat]),
        "POST /admin/users/{id}": .only([.admin, .secretariat]), "POST /admin/users/{id}/disable": .only([.admin, .secretariat]),
        "POST /admin/users/{id}/enable": .only([.admin, .secretariat]),
        "POST /admin/users/{id}/end-sessions": .only([.admin, .secretariat]),
        "POST /admin/users/{id}/invitation": .only([.admin, .secretariat]),
        "GET /admin/audit": .only([.admin]),
        "GET /admin/entities": .only([.admin, .secretariat]), "GET /admin/entities/new": .only([.admin, .secretariat]),
        "POST /admin/entities/new": .only([.admin, .secretariat]), "GET /admin/entities/{id}": .only([.admin, .secretariat]),
        "POST /admin/entities/{id}": .only([.admin, .secretariat]),
        "GET /pledges": .everyone, "GET /pledges/{id}": .everyone,
        "GET /pledges/new": .only([.secretariat, .focalPoint]), "POST /pledges/new": .only([.secretariat, .focalPoint]),
        // The target pledge belongs to an entity no persona is a member of: for its focal
        // points these would be allowed too (see PledgeTests).
        "GET /pledges/{id}/edit": .only([.secretariat]), "POST /pledges/{id}/edit": .only([.secretariat]),
        "GET /pledges/{id}/withdraw": .only([.secretariat]), "POST /pledges/{id}/withdraw": .only([.secretariat]),
        "GET /pledges/{id}/translations": .only([.secretariat]), "POST /pledges/{id}/translations": .only([.secretariat]),
        "GET /pledges/{id}/milestones/new": .only([.secretariat]), "POST /pledges/{id}/milestones/new": .only([.secretariat]),
        "GET /dashboards": .everyone, "GET /dashboards/states": .everyone, "GET /dashboards/states/{iso3}": .everyone,
        "GET /dashboards/measures": .everyone, "GET /dashboards/measures/{number}": .everyone, "GET /dashboards/sdgs": .everyone,
        "GET /dashboards/sdgs/{code}": .everyone, "GET /dashboards/gcm": .everyone, "GET /dashboards/matrix": .everyone,
        "GET /reports": .everyone, "GET /reports/download": .everyone,
        "GET /milestones/{id}/edit": .only([.secretariat]), "POST /milestones/{id}/edit": .only([.secretariat]),
        "POST /milestones/{id}/move": .only([.secretariat]), "POST /milestones/{id}/validation": .only([.secretariat]),
        "GET /feedback": .everyone, "GET /feedback/{id}": .everyone, "GET /feedback/consent": .everyone,
        "GET /feedback/staying-safe": .everyone,
        "GET /feedback/new": .only([.panelMember]), "POST /feedback/new": .only([.panelMember]),
        "POST /feedback/consent": .only([.panelMember]),
        "GET /feedback/consent/edit": .only([.secretariat]), "POST /feedback/consent/edit": .only([.secretariat]),
        "POST /feedback/{id}/withdraw": .only([.panelMember]),
        "POST /feedback/{id}/audience": .only([.panelMember]),
        "GET /feedback/moderation": .only([.panelFacilitator, .secretariat]),
        "POST /feedback/{id}/moderation": .only([.panelFacilitator, .secretariat]),
        "POST /feedback/{id}/flag": .signedIn, "POST /feedback/{id}/answers": .only([.secretariat, .focalPoint]),
        "POST /feedback/{id}/review": .only([.secretariat]),
        "GET /panels": .only([.secretariat, .panelFacilitator]), "GET /panels/new": .only([.secretariat]),
        "POST /panels/new": .only([.secretariat]),
        // The target panel is the member persona's, and has no facilitator: its own facilitator
        // may open it and make links too (see FeedbackTests).
        "GET /panels/{id}": .only([.secretariat, .panelMember]), "GET /panels/{id}/edit": .only([.secretariat, .admin]),
        "POST /panels/{id}/edit": .only([.secretariat, .admin]), "GET /panels/{id}/links": .only([.secretariat]),
        "POST /panels/{id}/links": .only([.secretariat]),
        "GET /join/{token}": .everyone, "POST /join/{token}": .everyone,
        "GET /account/delete": .only([.panelMember]), "POST /account/delete": .only([.panelMember]),
    ]

    static func table() -> RouteTable {
        let pool = ConnectionPool(configuration: DatabaseConfiguration(url: "host=/nonexistent", poolSize: 1), logger: TestServer.logger)
        return buildRoutes(
            AppServices(pool: pool, readiness: Readiness(.ready), hasher: AppHarness.hasher),
            config: AppHarness.configuration, logger: TestServer.logger)
    }

    @Test("every route the router knows has an access rule, and the matrix below covers each")
    func everyRouteHasARule() {
        let table = Self.table()
        let registered = Set(table.router.routes.filter { $0.method != .head }.map { "\($0.method) \($0.path)" })
        #expect(!registered.isEmpty)
        for route in registered {
            #expect(table.rules[route] != nil, "\(route) has no access rule")
            #expect(Self.matrix[route] != nil, "\(route) is missing from the access matrix test")
        }
        #expect(Set(table.rules.keys) == registered)
        #expect(Set(Self.matrix.keys) == registered, "the matrix names routes that do not exist")
    }

    enum Outcome: Equatable { case allowed, sentToSignIn, forbidden }

    @Test("every route × every role: allowed, sent to sign in, or forbidden, as the matrix says")
    func matrixHolds() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let targetEntity = try await People.entity(pool, "Target entity")
            let target = try await People.make(pool, "target@example.org", roles: [.focalPoint], entities: [targetEntity])
            let pledge = try await Pledges.make(pool, owner: targetEntity)
            let milestone = try await Pledges.milestone(pool, pledge: pledge, stage: .evaluation, status: .done)
            let panel = try await pool.queryValue("INSERT INTO panel (name) VALUES ('A panel') RETURNING id", as: Int.self)
            var personas: [(String, People.Browser, Set<Role>?, Bool)] = [("anonymous", People.visitor(), nil, true)]
            for role in Role.allCases {
                let entities = role == .focalPoint ? [try await People.entity(pool, "Entity of \(role)")] : []
                let id = try await People.make(pool, "\(role.rawValue)@example.org", roles: [role], entities: entities)
                if role == .panelMember {  // a member belongs to a panel, or the panel's pages refuse them
                    try await pool.execute(
                        "INSERT INTO panel_member (user_id, panel_id, consent_version) VALUES (\(id), \(panel), (SELECT max(version) FROM consent_notice))"
                    )
                }
                personas.append((role.rawValue, try await People.signIn(pool, id), [role], true))
            }
            let pendingID = try await People.make(pool, "pending@example.org", roles: [.admin])
            personas.append(
                ("admin before second factor", try await People.signIn(pool, pendingID, secondFactorDone: false), [.admin], false))

            // Signing out ends each persona's session, so it comes last.
            let order = Self.matrix.sorted { ($0.key == "POST /logout" ? 1 : 0, $0.key) < ($1.key == "POST /logout" ? 1 : 0, $1.key) }
            for (route, expect) in order {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(rawValue: String(parts[0]))!
                let template = String(parts[1])
                let id =
                    template.hasPrefix("/pledges")
                    ? pledge
                    : template.hasPrefix("/milestones")
                        ? milestone
                        : template.hasPrefix("/admin/entities") ? targetEntity : template.hasPrefix("/panels") ? panel : target
                let path = template.replacingOccurrences(of: "{number}", with: "3")
                    .replacingOccurrences(of: "{id}", with: String(id)).replacingOccurrences(of: "{token}", with: "no-such-token")
                    .replacingOccurrences(of: "{iso3}", with: "KEN").replacingOccurrences(of: "{code}", with: "8.7")
                for (name, browser, roles, complete) in personas {
                    let (headers, body) = method == .get ? (browser.headers, ByteBuffer()) : browser.post()
                    let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
                    let outcome: Outcome =
                        switch (response.status, response.location) {
                        case (.forbidden, _): .forbidden
                        case (.seeOther, let location?) where location.hasPrefix("/login?"): .sentToSignIn
                        default: .allowed
                        }
                    let expected: Outcome =
                        switch expect {
                        case .everyone: .allowed
                        case .pendingSecondFactorOnly:
                            roles == nil ? (method == .get ? .sentToSignIn : .forbidden) : complete ? .forbidden : .allowed
                        case .signedIn: roles == nil || !complete ? (method == .get ? .sentToSignIn : .forbidden) : .allowed
                        case .only(let allowed):
                            roles == nil || !complete
                                ? (method == .get ? .sentToSignIn : .forbidden)
                                : roles!.isDisjoint(with: allowed) ? .forbidden : .allowed
                        }
                    #expect(outcome == expected, "\(route) as \(name): \(response.status)")
                }
            }
        }
    }

    @Test("object rules: only an admin may change an admin's account; nobody disables themselves")
    func objectRules() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let adminID = try await People.make(pool, "admin@example.org", roles: [.admin])
            let otherAdminID = try await People.make(pool, "admin2@example.org", roles: [.admin])
            let secretariatID = try await People.make(pool, "sec@example.org", roles: [.secretariat])
            let memberID = try await People.make(pool, "member@example.org", roles: [.panelMember])
            let secretariat = try await People.signIn(pool, secretariatID)
            let admin = try await People.signIn(pool, adminID)

            // Secretariat on an admin's account (other object): refused.
            for action in ["/disable", "/end-sessions", "/invitation", ""] {
                let (h, b) = secretariat.post(["display_name": "X", "role": "admin"])
                let response = try await client.execute(uri: "/admin/users/\(otherAdminID)\(action)", method: .post, headers: h, body: b)
                #expect(response.status == .forbidden, "secretariat → admin\(action)")
            }
            // Secretariat on a panel member's account: allowed.
            let (h1, b1) = secretariat.post()
            #expect(
                try await client.execute(uri: "/admin/users/\(memberID)/end-sessions", method: .post, headers: h1, body: b1).status
                    == .seeOther)
            // Admin on another admin: allowed; on themself: cannot disable.
            let (h2, b2) = admin.post()
            #expect(
                try await client.execute(uri: "/admin/users/\(otherAdminID)/end-sessions", method: .post, headers: h2, body: b2).status
                    == .seeOther)
            let (h3, b3) = admin.post()
            #expect(
                try await client.execute(uri: "/admin/users/\(adminID)/disable", method: .post, headers: h3, body: b3).status == .forbidden)
            #expect(try await pool.queryValue("SELECT disabled_at IS NULL FROM app_user WHERE id = \(adminID)", as: Bool.self))
            // Every refusal is in the audit log, with who and what.
            let denials = try await pool.query(
                """
                SELECT actor_id, detail->>'path' FROM audit_event WHERE action = 'access.denied' ORDER BY id
                """
            ) { row in "\(try row.decode(0, as: Int.self)) \(try row.decode(1, as: String.self))" }
            #expect(denials.count == 5)
            #expect(denials.first == "\(secretariatID) /admin/users/\(otherAdminID)/disable")
            #expect(denials.last == "\(adminID) /admin/users/\(adminID)/disable")
        }
    }

    /// The object rules of the security review (issue 15), as a matrix: who does what to
    /// which object, and the answer. Each row is sent through the real router.
    @Test("object rules of the security review: survivor accounts, own roles, facilitators, ownership, audiences")
    func securityObjectRules() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let ownerEntity = try await People.entity(pool, "Owner"), coEntity = try await People.entity(pool, "Co-owner")
            let pledge = try await Pledges.make(pool, owner: ownerEntity, countries: ["KEN"], measures: [6])
            try await pool.execute("INSERT INTO pledge_co_owner VALUES (\(pledge), \(coEntity))")
            let f1 = try await People.make(pool, "f1@example.org", roles: [.panelFacilitator])
            let f2 = try await People.make(pool, "f2@example.org", roles: [.panelFacilitator])
            let panel = try await pool.queryValue("INSERT INTO panel (name, facilitator_id) VALUES ('P', \(f1)) RETURNING id", as: Int.self)
            try await pool.execute("INSERT INTO panel_country VALUES (\(panel), 'KEN')")
            let memberID = try await FeedbackTests.Fixture.member(pool, "Amani", panel: panel)
            let otherMemberID = try await FeedbackTests.Fixture.member(pool, "Baraka", panel: panel)
            let item = try await pool.queryValue(
                """
                INSERT INTO feedback (panel_id, author_id, pledge_id, scope, body, moderation)
                VALUES (\(panel), \(memberID), \(pledge), 'pledge_owners', 'text', 'published') RETURNING id
                """, as: Int.self)
            let ids = [
                "admin": try await People.make(pool, "a@example.org", roles: [.admin]),
                "secretariat": try await People.make(pool, "s@example.org", roles: [.secretariat]),
                "owner focal point": try await People.make(pool, "o@example.org", roles: [.focalPoint], entities: [ownerEntity]),
                "co-owner focal point": try await People.make(pool, "c@example.org", roles: [.focalPoint], entities: [coEntity]),
                "other member": otherMemberID,
            ]
            var people: [String: People.Browser] = [:]
            for (name, id) in ids { people[name] = try await People.signIn(pool, id) }
            let takeOver = PledgeTests.pledgeForm(coEntity, ["co_owner": String(ownerEntity), "version": "1"])
            let newFacilitator = ["name": "P", "country": "KEN", "facilitator": String(f2), "flag_threshold": "3"]
            let rows: [(who: String, path: String, fields: [String: String], expected: HTTPResponse.Status)] = [
                (
                    "admin", "/admin/users/\(memberID)", ["display_name": "X", "role": "focal_point", "entity": String(ownerEntity)],
                    .forbidden
                ),
                ("secretariat", "/admin/users/\(memberID)", ["display_name": "X", "role": "secretariat"], .forbidden),
                ("admin", "/admin/users/\(memberID)/invitation", [:], .forbidden),
                ("secretariat", "/admin/users/\(memberID)/invitation", [:], .forbidden),
                ("secretariat", "/admin/users/\(memberID)/end-sessions", [:], .seeOther),
                ("secretariat", "/admin/users/\(ids["secretariat"]!)", ["display_name": "S", "role": "admin"], .unprocessableContent),
                ("admin", "/admin/users/\(ids["admin"]!)", ["display_name": "A", "role": "secretariat"], .unprocessableContent),
                (
                    "secretariat", "/admin/users/\(ids["owner focal point"]!)", ["display_name": "O", "role": "panel_member"],
                    .unprocessableContent
                ),
                ("secretariat", "/panels/\(panel)/edit", newFacilitator, .unprocessableContent),
                ("co-owner focal point", "/pledges/\(pledge)/edit", takeOver, .unprocessableContent),
                ("other member", "/feedback/\(item)/audience", [:], .conflict),
                ("admin", "/panels/\(panel)/edit", newFacilitator, .seeOther),
                ("owner focal point", "/pledges/\(pledge)/edit", PledgeTests.pledgeForm(ownerEntity, ["version": "1"]), .seeOther),
            ]
            for row in rows {
                let (h, b) = people[row.who]!.post(row.fields)
                let response = try await client.execute(uri: row.path, method: .post, headers: h, body: b)
                #expect(response.status == row.expected, "\(row.who) POST \(row.path): \(response.status)")
            }
            #expect(try await pool.queryValue("SELECT owner_entity_id FROM pledge WHERE id = \(pledge)", as: Int.self) == ownerEntity)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM invitation WHERE user_id = \(memberID)", as: Int.self) == 0)
        }
    }

    @Test("the secretariat cannot give the admin role; the form says so and keeps what was typed")
    func adminRoleOnlyByAdmins() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let secretariat = try await People.signIn(pool, try await People.make(pool, "sec@example.org", roles: [.secretariat]))
            let (h, b) = secretariat.post(["email": "new@example.org", "display_name": "New Person", "role": "admin"])
            let response = try await client.execute(uri: "/admin/users/new", method: .post, headers: h, body: b)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Only an admin can give the admin role."))
            #expect(response.text.contains("value=\"new@example.org\""))
            #expect(response.text.contains("value=\"New Person\""))
            #expect(try await pool.queryValue("SELECT count(*)::int FROM app_user WHERE email = 'new@example.org'", as: Int.self) == 0)
        }
    }
}
