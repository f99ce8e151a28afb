import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

/// Survivor feedback: who reads what (every scope × every role, written out by hand),
/// that no restricted text reaches a public page, moderation, answers, withdrawal, account
/// deletion and bad input.
@Suite("Survivor feedback")
struct FeedbackTests {
    /// Panel X (Kenya) with author A and peer M, facilitator F; panel Y with member O and
    /// facilitator G; secretariat S; focal point FP of the pledge's owner, FO of another
    /// entity; an admin. One item per scope × moderation state, each with its own text.
    /// The fixture's people, named for what they are to its items.
    enum Persona: String, CaseIterable, Sendable {
        case author, peer, otherPanelMember, facilitator, otherFacilitator, secretariat, ownerFocalPoint, otherFocalPoint, admin
        case anonymous
    }

    struct Fixture {
        let panelX: Int, panelY: Int, pledge: Int
        var people: [Persona: People.Browser] = [:]
        var items: [String: Int] = [:]  // "scope/state" → id

        static func make(_ pool: ConnectionPool) async throws -> Fixture {
            let owner = try await People.entity(pool, "Owner entity")
            let other = try await People.entity(pool, "Other entity")
            let pledge = try await Pledges.make(pool, owner: owner, title: "Shelter pledge", countries: ["KEN"], measures: [6])
            func person(_ name: String, _ roles: [Role], entities: [Int] = []) async throws -> Int {
                try await People.make(pool, "\(name.lowercased())@example.org", roles: roles, entities: entities, name: name)
            }
            let f = try await person("F", [.panelFacilitator]), g = try await person("G", [.panelFacilitator])
            let panelX = try await pool.queryValue(
                "INSERT INTO panel (name, facilitator_id) VALUES ('Panel X', \(f)) RETURNING id", as: Int.self)
            let panelY = try await pool.queryValue(
                "INSERT INTO panel (name, facilitator_id) VALUES ('Panel Y', \(g)) RETURNING id", as: Int.self)
            try await pool.execute("INSERT INTO panel_country VALUES (\(panelX), 'KEN'), (\(panelY), 'UGA')")
            var fixture = Fixture(panelX: panelX, panelY: panelY, pledge: pledge)
            let a = try await member(pool, "Amani", panel: panelX), m = try await member(pool, "Baraka", panel: panelX)
            let o = try await member(pool, "Chiku", panel: panelY)
            let ids: [Persona: Int] = [
                .author: a, .peer: m, .otherPanelMember: o, .facilitator: f, .otherFacilitator: g,
                .secretariat: try await person("S", [.secretariat]),
                .ownerFocalPoint: try await person("FP", [.focalPoint], entities: [owner]),
                .otherFocalPoint: try await person("FO", [.focalPoint], entities: [other]),
                .admin: try await person("AD", [.admin]),
            ]
            for (name, id) in ids { fixture.people[name] = try await People.signIn(pool, id) }
            for scope in FeedbackScope.allCases {
                for state in ["published", "pending"] {
                    fixture.items["\(scope.rawValue)/\(state)"] = try await pool.queryValue(
                        """
                        INSERT INTO feedback (panel_id, author_id, pledge_id, scope, body, moderation)
                        VALUES (\(panelX), \(a), \(pledge), \(scope.rawValue), \(Self.text(scope.rawValue, state)), \(state)) RETURNING id
                        """, as: Int.self)
                }
            }
            return fixture
        }

        static func text(_ scope: String, _ state: String) -> String { "Secret words \(scope) \(state) 7f3a" }

        /// A form posted by one of the fixture's people.
        func post(
            _ client: some TestClientProtocol, _ who: Persona, _ path: String, _ fields: [String: String] = [:]
        ) async throws -> TestResponse {
            let (headers, body) = people[who]!.post(fields)
            return try await client.execute(uri: path, method: .post, headers: headers, body: body)
        }

        /// A panel member who has accepted the current notice.
        static func member(_ pool: ConnectionPool, _ pseudonym: String, panel: Int) async throws -> Int {
            let id = try await People.make(pool, "\(pseudonym.lowercased())@example.org", roles: [.panelMember], name: pseudonym)
            try await pool.execute("UPDATE app_user SET pseudonym = \(pseudonym) WHERE id = \(id)")
            try await pool.execute(
                """
                INSERT INTO panel_member (user_id, panel_id, consent_version, consented_at)
                VALUES (\(id), \(panel), (SELECT max(version) FROM consent_notice), now())
                """)
            return id
        }
    }

    /// Who reads each item's text, by hand. Scopes widen: panel ⊂ secretariat ⊂ pledge owners
    /// ⊂ public; until published, only the author and the moderators (the panel's
    /// facilitator; the secretariat from scope "secretariat" on).
    static let readers: [String: Set<Persona>] = [
        "panel/published": [.author, .peer, .facilitator],
        "secretariat/published": [.author, .peer, .facilitator, .secretariat],
        "pledge_owners/published": [.author, .peer, .facilitator, .secretariat, .ownerFocalPoint],
        "public/published": [
            .author, .peer, .facilitator, .secretariat, .ownerFocalPoint, .otherPanelMember, .otherFacilitator, .otherFocalPoint, .admin,
            .anonymous,
        ],
        "panel/pending": [.author, .facilitator],
        "secretariat/pending": [.author, .facilitator, .secretariat],
        "pledge_owners/pending": [.author, .facilitator, .secretariat],
        "public/pending": [.author, .facilitator, .secretariat],
    ]

    @Test("every scope × every role: exactly the people the scope names read the text, in the item, the lists and the panel pages")
    func scopeMatrix() async throws {
        try await AppHarness.withApp { client, services in
            let fixture = try await Fixture.make(services.pool)
            var personas = fixture.people.map { ($0.key, Optional($0.value)) }
            personas.append((.anonymous, nil))
            for (key, id) in fixture.items.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "/").map(String.init)
                let text = Fixture.text(parts[0], parts[1])
                for (name, browser) in personas {
                    let response = try await client.execute(uri: "/feedback/\(id)", method: .get, headers: browser?.headers ?? [:])
                    let reads = Self.readers[key]!.contains(name)
                    #expect(response.status == (reads ? .ok : .notFound), "\(key) as \(name): \(response.status)")
                    #expect(response.text.contains(text) == reads, "\(key) as \(name)")
                }
            }
            // Lists: non-staff readers see the texts they may read; staff see none but public ones (they open each).
            for (name, browser) in personas {
                let list = try await client.execute(uri: "/feedback", method: .get, headers: browser?.headers ?? [:]).text
                let staff = [Persona.facilitator, .otherFacilitator, .secretariat, .ownerFocalPoint, .otherFocalPoint, .admin].contains(
                    name)
                for (key, readers) in Self.readers {
                    let parts = key.split(separator: "/").map(String.init)
                    let shown = readers.contains(name) && (!staff || key == "public/published")
                    #expect(list.contains(Fixture.text(parts[0], parts[1])) == shown, "/feedback: \(key) as \(name)")
                }
            }
            // A member of panel Y may not open panel X's page.
            let other = try await client.execute(
                uri: "/panels/\(fixture.panelX)", method: .get, headers: fixture.people[.otherPanelMember]!.headers)
            #expect(other.status == .forbidden)
            let own = try await client.execute(uri: "/panels/\(fixture.panelX)", method: .get, headers: fixture.people[.peer]!.headers)
            #expect(
                own.status == .ok && own.text.contains(Fixture.text("panel", "published"))
                    && !own.text.contains(Fixture.text("panel", "pending")))
        }
    }

    @Test("no restricted text in any public page: every page anyone may open, as a visitor")
    func noRestrictedTextInPublicPages() async throws {
        try await AppHarness.withApp { client, services in
            let fixture = try await Fixture.make(services.pool)
            let publicPages = AccessTests.matrix.filter {
                $0.key.hasPrefix("GET ") && { if case .everyone = $0.value { true } else { false } }($0)
            }
            .map { String($0.key.dropFirst(4)) }
            #expect(publicPages.count > 15)
            let publicText = Fixture.text("public", "published")
            var sawPublicText = false
            for template in publicPages {
                var paths = [
                    template.replacingOccurrences(of: "{number}", with: "18").replacingOccurrences(of: "{iso3}", with: "KEN")
                        .replacingOccurrences(of: "{code}", with: "8.7").replacingOccurrences(of: "{token}", with: "nothing")
                ]
                if template.contains("{id}") {
                    paths =
                        fixture.items.values.map { template.replacingOccurrences(of: "{id}", with: String($0)) }
                        + [template.replacingOccurrences(of: "{id}", with: String(fixture.pledge))]
                }
                // Every download a visitor may make (the PDF is the brief's HTML, printed).
                if template == "/reports/download" {
                    paths = ReportFormat.allCases.filter { $0 != .pdf }.map { "\(template)?format=\($0.rawValue)&since=2000-01-01" }
                }
                for path in paths {
                    let response = try await client.execute(uri: path, method: .get)
                    #expect(response.status.code < 500, "\(path): \(response.status)")
                    let page = response.text
                    for key in Self.readers.keys where key != "public/published" {
                        let parts = key.split(separator: "/").map(String.init)
                        #expect(!page.contains(Fixture.text(parts[0], parts[1])), "\(path) shows \(key)")
                    }
                    #expect(!page.contains("Amani"), "\(path) names an author")
                    sawPublicText = sawPublicText || page.contains(publicText)
                }
            }
            #expect(sawPublicText, "the public text was on no public page")
            // Measure 18's dashboard counts only what the public may read, small counts held back
            // (issue 15), and shows the public text.
            let dashboard = try await client.execute(uri: "/dashboards/measures/18", method: .get).text
            #expect(dashboard.contains("Public feedback: fewer than 5."))
            #expect(dashboard.contains(publicText))
        }
    }

    @Test("staff reads of non-public feedback are audited; a member's and public reads are not")
    func staffReadsAudited() async throws {
        try await AppHarness.withApp { client, services in
            let fixture = try await Fixture.make(services.pool)
            let secret = fixture.items["secretariat/published"]!, open = fixture.items["public/published"]!
            for (name, id) in [(FeedbackTests.Persona.secretariat, secret), (.secretariat, open), (.peer, secret), (.facilitator, secret)] {
                _ = try await client.execute(uri: "/feedback/\(id)", method: .get, headers: fixture.people[name]!.headers)
            }
            let reads = try await services.pool.query(
                """
                SELECT u.display_name || ' ' || a.target_id FROM audit_event a JOIN app_user u ON u.id = a.actor_id
                WHERE a.action = 'feedback.read' ORDER BY 1
                """
            ) { try $0.decode(0, as: String.self) }
            #expect(reads == ["F \(secret)", "S \(secret)"])
        }
    }

    @Test("a member posts: consent first, scope defaults to panel only, text shown as text, bad input kept with a message")
    func posting() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let fixture = try await Fixture.make(pool)
            let author = fixture.people[.author]!
            func post(_ fields: [String: String]) async throws -> TestResponse {
                try await fixture.post(client, .author, "/feedback/new", fields)
            }
            let count = { try await pool.queryValue("SELECT count(*)::int FROM feedback", as: Int.self) }
            let before = try await count()

            let empty = try await post(["body": "   ", "scope": "panel"])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Write your feedback before sending it."))
            let long = String(repeating: "é", count: 4001)
            let tooLong = try await post(["body": long, "scope": "public"])
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains(long) && tooLong.text.contains("longer than 4,000"))
            let badScope = try await post(["body": "Hello", "scope": "everyone"])
            #expect(badScope.status == .unprocessableContent && badScope.text.contains("Choose who may read"))
            let ownersWithoutPledge = try await post(["body": "Hello", "scope": "pledge_owners"])
            #expect(ownersWithoutPledge.status == .unprocessableContent && ownersWithoutPledge.text.contains("needs a pledge"))
            let restricted = try await Pledges.make(
                pool, owner: try await People.entity(pool, "Hidden"), title: "Restricted", visibility: .restricted)
            let hiddenPledge = try await post(["body": "Hello", "scope": "panel", "pledge": String(restricted)])
            #expect(hiddenPledge.status == .unprocessableContent && hiddenPledge.text.contains("cannot be chosen"))
            #expect(try await count() == before)

            // The secretariat publishes a new notice (not an unchanged one): posting waits for
            // consent again, and the text comes back.
            let current = try await pool.queryValue(
                "SELECT body FROM consent_notice WHERE version = (SELECT max(version) FROM consent_notice)", as: String.self)
            let same = fixture.people[.secretariat]!.post(["body": current])
            #expect(
                try await client.execute(uri: "/feedback/consent/edit", method: .post, headers: same.0, body: same.1).status
                    == .unprocessableContent)
            let changed = fixture.people[.secretariat]!.post(["body": "Changed. New words."])
            #expect(
                try await client.execute(uri: "/feedback/consent/edit", method: .post, headers: changed.0, body: changed.1).status
                    == .seeOther)
            #expect(try await pool.queryValue("SELECT max(version) FROM consent_notice", as: Int.self) == 3, "the migrations publish 2")
            let unconsented = try await post(["body": "Kept text", "scope": "panel"])
            #expect(unconsented.status == .conflict && unconsented.text.contains("Kept text"))
            #expect(try await count() == before)
            let form = try await client.execute(uri: "/feedback/new", method: .get, headers: author.headers)
            #expect(form.status == .seeOther && form.location?.hasPrefix("/feedback/consent") == true)
            let (headers, body) = author.post(["version": "3"])
            _ = try await client.execute(uri: "/feedback/consent", method: .post, headers: headers, body: body)

            // A pledge outside the panel's countries is allowed, and flagged for the facilitator.
            let far = try await Pledges.make(pool, owner: try await People.entity(pool, "Far"), title: "Far pledge", countries: ["BRA"])
            let created = try await post(["body": "<script>alert(1)</script> & more", "pledge": String(far)])
            #expect(created.status == .seeOther)
            let row = try await pool.queryFirst(
                "SELECT scope, moderation, NOT pledge_in_panel_countries(pledge_id, panel_id) FROM feedback ORDER BY id DESC LIMIT 1"
            ) { row in
                (try row.decode(0, as: String.self), try row.decode(1, as: String.self), try row.decode(2, as: Bool.self))
            }
            #expect(row?.0 == "panel" && row?.1 == "pending" && row?.2 == true)
            let page = try await client.execute(uri: created.location!, method: .get, headers: author.headers).text
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") && !page.contains("<script>alert"))
            let detail = try await pool.queryValue(
                "SELECT detail::text FROM audit_event WHERE action = 'feedback.created'", as: String.self)
            #expect(!detail.contains("alert"))
        }
    }

    @Test("moderation: publish, flags hide at the threshold, hide and restore need a reason, every decision recorded")
    func moderation() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let fixture = try await Fixture.make(pool)
            let pending = fixture.items["panel/pending"]!
            func act(_ who: Persona, _ id: Int, _ path: String, _ fields: [String: String]) async throws -> TestResponse {
                try await fixture.post(client, who, "/feedback/\(id)/\(path)", fields)
            }
            // The secretariat cannot moderate panel-only feedback; the other panel's facilitator cannot either.
            #expect(try await act(.secretariat, pending, "moderation", ["decision": "published"]).status == .notFound)
            #expect(try await act(.otherFacilitator, pending, "moderation", ["decision": "published"]).status == .notFound)
            #expect(try await act(.facilitator, pending, "moderation", ["decision": "hidden"]).status == .unprocessableContent)
            #expect(try await act(.facilitator, pending, "moderation", ["decision": "published"]).status == .seeOther)
            #expect(try await act(.facilitator, pending, "moderation", ["decision": "published"]).status == .conflict)  // already published

            try await pool.execute("UPDATE panel SET flag_threshold = 2 WHERE id = \(fixture.panelX)")
            #expect(try await act(.peer, pending, "flag", ["reason": ""]).status == .unprocessableContent)
            #expect(try await act(.peer, pending, "flag", ["reason": "Names someone"]).status == .seeOther)
            #expect(try await act(.peer, pending, "flag", ["reason": "Again"]).status == .conflict)
            #expect(try await act(.author, pending, "flag", ["reason": "Mine"]).status == .conflict)  // not one's own
            #expect(try await act(.facilitator, pending, "flag", ["reason": "Risky"]).status == .seeOther)
            let state = { try await pool.queryValue("SELECT moderation FROM feedback WHERE id = \(pending)", as: String.self) }
            #expect(try await state() == "hidden")
            #expect(
                try await client.execute(uri: "/feedback/\(pending)", method: .get, headers: fixture.people[.peer]!.headers).status
                    == .notFound)
            #expect(
                try await act(.facilitator, pending, "moderation", ["decision": "restored", "moderation_reason": "Checked: no name"]).status
                    == .seeOther)
            #expect(try await state() == "published")
            let decisions = try await pool.query("SELECT decision FROM moderation_decision WHERE feedback_id = \(pending) ORDER BY id") {
                try $0.decode(0, as: String.self)
            }
            #expect(decisions == ["published", "hidden_by_flags", "restored"])
            #expect(
                try await pool.queryValue(
                    "SELECT count(*)::int FROM feedback_flag WHERE feedback_id = \(pending) AND closed_at IS NULL", as: Int.self) == 0)

            // The secretariat's queue is a cached page: a new flag shows on it at once.
            let queue = { try await client.execute(uri: "/feedback", method: .get, headers: fixture.people[.secretariat]!.headers).text }
            #expect(try await !queue().contains("open flags: 1"))
            #expect(try await act(.peer, fixture.items["secretariat/published"]!, "flag", ["reason": "Check"]).status == .seeOther)
            #expect(try await queue().contains("open flags: 1"))
        }
    }

    @Test(
        "answers: the secretariat and the pledge's focal points answer, the author reads them; withdrawal erases the text and keeps the answers"
    )
    func answersAndWithdrawal() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let fixture = try await Fixture.make(pool)
            let id = fixture.items["pledge_owners/published"]!
            func act(_ who: Persona, _ path: String, _ fields: [String: String]) async throws -> TestResponse {
                try await fixture.post(client, who, "/feedback/\(id)/\(path)", fields)
            }
            #expect(try await act(.otherFocalPoint, "answers", ["answer": "Not mine"]).status == .notFound)
            let empty = try await act(.ownerFocalPoint, "answers", ["answer": " "])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Write an answer"))
            #expect(try await act(.ownerFocalPoint, "answers", ["answer": "We moved the hearings."]).status == .seeOther)
            #expect(try await act(.secretariat, "review", ["review": "acted_upon"]).status == .seeOther)
            let mine = try await client.execute(uri: "/feedback/\(id)", method: .get, headers: fixture.people[.author]!.headers).text
            #expect(mine.contains("We moved the hearings.") && mine.contains("Where it stands: Acted upon."))

            #expect(try await act(.peer, "withdraw", [:]).status == .conflict)  // not the author
            #expect(try await act(.author, "withdraw", [:]).status == .seeOther)
            let stored = try await pool.queryFirst("SELECT body, content_note, withdrawn_at IS NOT NULL FROM feedback WHERE id = \(id)") {
                row in
                (try row.decode(0, as: String?.self), try row.decode(1, as: String?.self), try row.decode(2, as: Bool.self))
            }
            #expect(stored?.0 == nil && stored?.1 == nil && stored?.2 == true)
            let after = try await client.execute(uri: "/feedback/\(id)", method: .get, headers: fixture.people[.secretariat]!.headers).text
            #expect(after.contains("We moved the hearings.") && after.contains("withdrew this feedback"))
            let again = try await act(.secretariat, "answers", ["answer": "One more"])
            #expect(again.status == .conflict && again.text.contains("withdrew this feedback") && again.text.contains("One more") == false)
            #expect(try await act(.author, "withdraw", [:]).status == .conflict)
        }
    }

    @Test("joining with a one-time link asks only for a pseudonym and a password; deleting the account anonymises it")
    func joinAndDelete() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let fixture = try await Fixture.make(pool)
            let (headers, body) = fixture.people[.facilitator]!.post()
            let linkPage = try await client.execute(uri: "/panels/\(fixture.panelX)/links", method: .post, headers: headers, body: body)
                .text
            let token = try #require(linkPage.firstMatch(of: /\/join\/([A-Za-z0-9_-]{43})/)).1
            let visitor = People.visitor()
            func join(_ fields: [String: String]) async throws -> TestResponse {
                let (headers, body) = visitor.post(fields)
                return try await client.execute(uri: "/join/\(token)", method: .post, headers: headers, body: body)
            }
            let bad = try await join(["pseudonym": "a@b", "password": "short", "password_confirmation": "short"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("value=\"a@b\""))
            let taken = try await join(["pseudonym": "amani", "password": People.password, "password_confirmation": People.password])
            #expect(taken.status == .unprocessableContent && taken.text.contains("This pseudonym or e-mail address cannot be used."))
            let joined = try await join(["pseudonym": "Nuru", "password": People.password, "password_confirmation": People.password])
            #expect(joined.status == .seeOther && joined.location == "/feedback/consent")
            #expect(
                try await join(["pseudonym": "Other", "password": People.password, "password_confirmation": People.password]).status
                    == .gone)
            let user = try await pool.queryFirst("SELECT id, email FROM app_user WHERE pseudonym = 'Nuru'") { row in
                (try row.decode(0, as: Int.self), try row.decode(1, as: String?.self))
            }
            #expect(user?.1 == nil)

            // The author deletes their account, keeping the texts without a name.
            let author = fixture.people[.author]!
            let wrong = author.post(["texts": "keep", "password": "wrong"])
            #expect(
                try await client.execute(uri: "/account/delete", method: .post, headers: wrong.0, body: wrong.1).status
                    == .unprocessableContent)
            let right = author.post(["texts": "keep", "password": People.password])
            #expect(try await client.execute(uri: "/account/delete", method: .post, headers: right.0, body: right.1).status == .seeOther)
            let gone = try await pool.queryFirst(
                "SELECT pseudonym, email, disabled_at IS NOT NULL FROM app_user WHERE id = \(author.userID)"
            ) { row in
                (try row.decode(0, as: String?.self), try row.decode(1, as: String?.self), try row.decode(2, as: Bool.self))
            }
            #expect(gone?.0 == nil && gone?.1 == nil && gone?.2 == true)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM feedback WHERE author_id = \(author.userID)", as: Int.self) == 0)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM feedback WHERE body IS NOT NULL", as: Int.self) == 8)
            #expect(try await client.execute(uri: "/feedback", method: .get, headers: author.headers).text.contains("Your panel") == false)
        }
    }

    @Test("one-time links to join a panel or set a password, and query strings, never reach the request log")
    func tokensRedactedInLog() {
        #expect(RequestLogMiddleware.redacted("/join/abc123") == "/join/[redacted]")
        #expect(RequestLogMiddleware.redacted("/invite/abc123?x=1") == "/invite/[redacted]")
        #expect(RequestLogMiddleware.redacted("/feedback?review=new") == "/feedback")
        #expect(
            RequestLogMiddleware.redacted("/admin/audit?actor=someone%40example.org&q=words") == "/admin/audit",
            "no query: it may hold what people typed")
    }

    @Test("panel pages carry the quick exit first, and are neither stored nor referred")
    func safetyHeaders() async throws {
        try await AppHarness.withApp { client, services in
            let fixture = try await Fixture.make(services.pool)
            for (path, browser) in [
                ("/feedback", nil), ("/login", nil), ("/feedback/new", fixture.people[.author]), ("/pledges", fixture.people[.author]),
            ] {
                let response = try await client.execute(uri: path, method: .get, headers: browser?.headers ?? [:])
                #expect(response.headers[.cacheControl] == "no-store", "\(path)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(path)")
                let body = response.text
                let exit = try #require(body.range(of: "<a id=\"quick-exit\""), "\(path)")
                #expect(body.range(of: "<a ")?.lowerBound == exit.lowerBound, "\(path): the quick exit is not the first link")
            }
            let dashboard = try await client.execute(uri: "/dashboards", method: .get)
            #expect(!dashboard.text.contains("quick-exit") && dashboard.headers[HTTPField.Name("Referrer-Policy")!] != "no-referrer")
        }
    }
}
