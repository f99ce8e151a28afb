import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("Pledges and milestones")
struct PledgeTests {
    struct World {
        let entity: Int
        let otherEntity: Int
        let focal: People.Browser
        let secretariat: People.Browser
        let pledge: Int
    }

    static func world(_ pool: ConnectionPool) async throws -> World {
        let entity = try await People.entity(pool, "Own entity")
        let other = try await People.entity(pool, "Other entity")
        let focal = try await People.signIn(
            pool, try await People.make(pool, "focal@example.org", roles: [.focalPoint], entities: [entity]))
        let secretariat = try await People.signIn(pool, try await People.make(pool, "sec@example.org", roles: [.secretariat]))
        return World(
            entity: entity, otherEntity: other, focal: focal, secretariat: secretariat, pledge: try await Pledges.make(pool, owner: entity))
    }

    static func milestoneForm(_ overrides: [String: String] = [:], version: Int = 1) -> [String: String] {
        [
            "stage": "implementation", "title": "Train 40 officers", "due_date": "2027-03-01", "status": "on_track",
            "percent_complete": "40", "completed_on": "", "notes": "", "why": "", "version": String(version),
        ].merging(overrides) { $1 }
    }

    static func post(
        _ client: some TestClientProtocol, _ browser: People.Browser, _ path: String, _ fields: [String: String]
    ) async throws -> TestResponse {
        let (h, b) = browser.post(fields)
        return try await client.execute(uri: path, method: .post, headers: h, body: b)
    }

    @Test(
        "every bad milestone input is refused with its message, what was typed is kept, nothing is written",
        arguments: [
            (["title": ""], "Enter a title of 1 to 300 characters."),
            (["percent_complete": "150"], "Enter a whole number from 0 to 100."),
            (["percent_complete": "lots"], "Enter a whole number from 0 to 100."),
            (["status": "done", "completed_on": ""], "A done milestone needs the date it was completed."),
            (["status": "done", "completed_on": "2999-01-01"], "The completion date cannot be in the future."),
            (["status": "on_track", "completed_on": "2026-01-01"], "Only a done milestone has a completion date"),
            (["due_date": "2026-02-30"], "Enter a real date"),
            (["stage": "someday"], "Choose a stage."),
            (["status": "finished"], "Choose a status."),
            (
                ["evidence_title_1": "Report", "evidence_url_1": "javascript:alert(1)"],
                "Enter a web address starting with http:// or https://."
            ),
            (
                ["evidence_title_1": "Report", "evidence_url_1": "ftp://example.org/x"],
                "Enter a web address starting with http:// or https://."
            ),
            (["evidence_title_1": "", "evidence_url_1": "https://example.org/report"], "Give each link a title"),
        ])
    func milestoneValidation(overrides: [String: String], message: String) async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let id = try await Pledges.milestone(pool, pledge: w.pledge, title: "Before")
            let response = try await Self.post(client, w.focal, "/milestones/\(id)/edit", Self.milestoneForm(overrides))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(message))
            #expect(response.text.contains("class=\"error-summary\""))
            // What was typed comes back.
            let typed = Self.milestoneForm(overrides)
            #expect(response.text.contains("name=\"percent_complete\" type=\"number\" value=\"\(typed["percent_complete"]!)\""))
            #expect(response.text.contains("name=\"due_date\" type=\"date\" value=\"\(typed["due_date"]!)\""))
            if let url = overrides["evidence_url_1"] { #expect(response.text.contains("value=\"\(url)\"")) }
            #expect(try await pool.queryValue("SELECT title FROM milestone WHERE id = \(id)", as: String.self) == "Before")
            #expect(try await pool.queryValue("SELECT count(*)::int FROM change_event", as: Int.self) == 0)
        }
    }

    @Test("a focal point updates a milestone: saved with its history (old → new, why) and the pledge's status follows")
    func updateMilestone() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let id = try await Pledges.milestone(pool, pledge: w.pledge, title: "Train 40 officers")
            #expect(try await Pledges.status(pool, w.pledge) == "planning")
            let saved = try await Self.post(
                client, w.focal, "/milestones/\(id)/edit",
                Self.milestoneForm([
                    "evidence_title_1": "Training report", "evidence_url_1": "https://example.org/report.pdf",
                    "why": "First cohort started",
                    // A milestone cannot be moved to another pledge: the field is not read.
                    "pledge_id": "999999",
                ]))
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/pledges/\(w.pledge)#milestone-\(id)")
            #expect(try await Pledges.status(pool, w.pledge) == "in_progress")
            #expect(try await pool.queryValue("SELECT pledge_id FROM milestone WHERE id = \(id)", as: Int.self) == w.pledge)
            #expect(try await pool.queryValue("SELECT version FROM milestone WHERE id = \(id)", as: Int.self) == 2)
            let page = try await client.execute(uri: "/pledges/\(w.pledge)", method: .get, headers: w.focal.headers)
            #expect(page.text.contains("<strong>Status</strong>: <bdi>Not started</bdi> → <bdi>On track</bdi>"))
            #expect(page.text.contains("<strong>Percent complete</strong>: <bdi>0 %</bdi> → <bdi>40 %</bdi>"))
            #expect(page.text.contains("First cohort started"))
            #expect(page.text.contains("href=\"https://example.org/report.pdf\" rel=\"external nofollow noopener\">Training report</a>"))
            #expect(page.text.contains("status-in_progress"))
            #expect(
                try await pool.queryValue("SELECT count(*)::int FROM audit_event WHERE action = 'milestone.updated'", as: Int.self) == 1)
        }
    }

    @Test("a stale form is refused with 409: the other change is shown beside what was typed, and nothing is overwritten")
    func conflict() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let id = try await Pledges.milestone(pool, pledge: w.pledge, title: "Train 40 officers")
            // Both open the form at version 1; the secretariat saves first.
            let first = try await Self.post(
                client, w.secretariat, "/milestones/\(id)/edit", Self.milestoneForm(["status": "at_risk", "percent_complete": "10"]))
            #expect(first.status == .seeOther)
            let second = try await Self.post(
                client, w.focal, "/milestones/\(id)/edit",
                Self.milestoneForm(["status": "delayed", "percent_complete": "25", "notes": "Mine"]))
            #expect(second.status == .conflict)
            #expect(second.text.contains("Someone else changed this while you were editing"))
            #expect(second.text.contains("<bdi>sec@example.org</bdi> saved it on "), "the 409 page says who saved and when")
            #expect(second.text.contains("<td><bdi>At risk</bdi></td><td><bdi>Delayed</bdi></td>"))
            #expect(second.text.contains("<td><bdi>10</bdi></td><td><bdi>25</bdi></td>"))
            #expect(second.text.contains(">Mine</textarea>"), "what the person typed is kept in the form")
            #expect(second.text.contains("name=\"version\" value=\"2\""), "sending it again is a deliberate overwrite")
            #expect(try await pool.queryValue("SELECT status FROM milestone WHERE id = \(id)", as: String.self) == "at_risk")
            // Sending it again, knowingly, saves it.
            let again = try await Self.post(
                client, w.focal, "/milestones/\(id)/edit", Self.milestoneForm(["status": "delayed", "percent_complete": "25"], version: 2))
            #expect(again.status == .seeOther)
            #expect(try await pool.queryValue("SELECT status FROM milestone WHERE id = \(id)", as: String.self) == "delayed")
        }
    }

    @Test("the status rule: planning → in progress → (evaluation validated) fulfilled → withdrawn")
    func statusRule() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let commitment = try await Pledges.milestone(pool, pledge: w.pledge, stage: .commitment, status: .onTrack)
            #expect(try await Pledges.status(pool, w.pledge) == "planning", "commitment work alone is planning")
            let implementation = try await Pledges.milestone(pool, pledge: w.pledge, stage: .implementation, status: .delayed)
            #expect(try await Pledges.status(pool, w.pledge) == "in_progress")
            try await pool.execute(
                "UPDATE milestone SET status = 'done', completed_on = '2026-01-01', percent_complete = 100 WHERE id IN (\(commitment), \(implementation))"
            )
            #expect(try await Pledges.status(pool, w.pledge) == "in_progress", "no evaluation yet")
            let evaluation = try await Pledges.milestone(pool, pledge: w.pledge, stage: .evaluation, status: .notStarted)
            // A focal point marks the evaluation done: it waits for the secretariat.
            let done = try await Self.post(
                client, w.focal, "/milestones/\(evaluation)/edit",
                Self.milestoneForm(
                    ["stage": "evaluation", "status": "done", "completed_on": "2026-06-01", "percent_complete": "100"]))
            #expect(done.status == .seeOther)
            #expect(try await pool.queryValue("SELECT validation FROM milestone WHERE id = \(evaluation)", as: String.self) == "pending")
            #expect(try await Pledges.status(pool, w.pledge) == "in_progress", "waiting for validation")
            // Sending back needs a reason; validating makes it fulfilled.
            _ = try await Self.post(client, w.secretariat, "/milestones/\(evaluation)/validation", ["decision": "sent_back", "reason": ""])
            #expect(try await pool.queryValue("SELECT validation FROM milestone WHERE id = \(evaluation)", as: String.self) == "pending")
            #expect(
                try await Self.post(client, w.focal, "/milestones/\(evaluation)/validation", ["decision": "validated"]).status == .forbidden
            )
            _ = try await Self.post(client, w.secretariat, "/milestones/\(evaluation)/validation", ["decision": "validated"])
            #expect(try await Pledges.status(pool, w.pledge) == "fulfilled")
            // A dropped milestone does not hold a pledge back; an open one does.
            let extra = try await Pledges.milestone(pool, pledge: w.pledge, stage: .implementation, status: .onTrack)
            #expect(try await Pledges.status(pool, w.pledge) == "in_progress")
            try await pool.execute("UPDATE milestone SET status = 'dropped' WHERE id = \(extra)")
            #expect(try await Pledges.status(pool, w.pledge) == "fulfilled")
            let withdrawn = try await Self.post(client, w.focal, "/pledges/\(w.pledge)/withdraw", ["reason": "Funding moved"])
            #expect(withdrawn.status == .seeOther)
            #expect(try await Pledges.status(pool, w.pledge) == "withdrawn")
        }
    }

    @Test("withdrawing asks first: its own page says what it does, a red button, a way back; no reason comes back there")
    func withdrawAsksFirst() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            // The edit page no longer withdraws in one click: it links to the page that asks.
            let edit = try await client.execute(uri: "/pledges/\(w.pledge)/edit", method: .get, headers: w.focal.headers)
            #expect(edit.text.contains("href=\"/pledges/\(w.pledge)/withdraw\""))
            #expect(!edit.text.contains("action=\"/pledges/\(w.pledge)/withdraw\""))
            let page = try await client.execute(uri: "/pledges/\(w.pledge)/withdraw", method: .get, headers: w.focal.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("Pledgetrack cannot undo a withdrawal."))
            #expect(page.text.contains("<form method=\"post\" action=\"/pledges/\(w.pledge)/withdraw\""))
            #expect(page.carriesToken(w.focal.csrf))
            #expect(page.text.contains("class=\"button warning\">Withdraw the pledge</button>"))
            #expect(page.text.contains("<a href=\"/pledges/\(w.pledge)\">No, keep the pledge</a>"))
            // Another entity's focal point may not open it.
            let stranger = try await People.signIn(
                pool, try await People.make(pool, "other@example.org", roles: [.focalPoint], entities: [w.otherEntity]))
            let refused = try await client.execute(uri: "/pledges/\(w.pledge)/withdraw", method: .get, headers: stranger.headers)
            #expect(refused.status == .forbidden)
            // Without a reason nothing happens, and the person is back on the page that asks.
            let noReason = try await Self.post(client, w.focal, "/pledges/\(w.pledge)/withdraw", ["reason": " "])
            #expect(noReason.status == .seeOther)
            #expect(noReason.headers[.location] == "/pledges/\(w.pledge)/withdraw")
            #expect(try await Pledges.status(pool, w.pledge) != "withdrawn")
            _ = try await Self.post(client, w.focal, "/pledges/\(w.pledge)/withdraw", ["reason": "Funding moved"])
            #expect(try await Pledges.status(pool, w.pledge) == "withdrawn")
            // A withdrawn pledge has nothing left to ask.
            let after = try await client.execute(uri: "/pledges/\(w.pledge)/withdraw", method: .get, headers: w.focal.headers)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/pledges/\(w.pledge)")
        }
    }

    @Test("the pledge list labels every cell for the phone layout, and the filters say how many are in use")
    func listForPhones() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            _ = try await Self.world(pool)
            let plain = try await client.execute(uri: "/pledges", method: .get)
            #expect(plain.text.contains("<details class=\"filter-panel\"><summary>Filter</summary>"))
            for label in ["Owner", "Countries of implementation", "Status", "Stage", "Milestones", "Last update"] {
                #expect(plain.text.contains("<td data-label=\"\(label)\">"), "\(label)")
            }
            let filtered = try await client.execute(uri: "/pledges?status=planning&overdue=1&sort=title", method: .get)
            #expect(filtered.text.contains("<details class=\"filter-panel\" open><summary>Filter (2 active)</summary>"))
        }
    }

    static func pledgeForm(_ entity: Int, _ overrides: [String: String] = [:]) -> [String: String] {
        [
            "title": "Shelters on the northern route", "description": "Two shelters.", "kind": "material", "owner": String(entity),
            "country": "KEN", "measure": "6", "start_date": "2026-01-01", "target_date": "2027-12-31", "visibility": "public",
            "version": "0",
        ].merging(overrides) { $1 }
    }

    @Test(
        "bad pledge input is refused with its message and nothing is written",
        arguments: [
            (["title": " "], "Enter a title of 1 to 300 characters."),
            (["measure": ""], "Choose at least one measure."),
            (["measure": "21"], "One of the measures does not exist."),
            (["country": "XXX"], "One of the countries is not in the list."),
            (["country": ""], "Choose at least one country."),
            (["target_date": "2025-01-01"], "The target date cannot be before the start date."),
            (["grf_id": "GRF 1; DROP"], "Use letters, digits and hyphens only"),
            (["kind": "vague"], "Choose the kind of pledge."),
        ])
    func pledgeValidation(overrides: [String: String], message: String) async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let response = try await Self.post(client, w.focal, "/pledges/new", Self.pledgeForm(w.entity, overrides))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(message))
            let typed = Self.pledgeForm(w.entity, overrides)["title"]!.trimmingCharacters(in: .whitespaces)
            #expect(response.text.contains("id=\"title\" name=\"title\" type=\"text\" value=\"\(typed)\""), "what was typed comes back")
            #expect(try await pool.queryValue("SELECT count(*)::int FROM pledge", as: Int.self) == 1)
        }
    }

    @Test("a focal point creates pledges for their own entities only, and edits only those")
    func pledgeOwnership() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let created = try await Self.post(client, w.focal, "/pledges/new", Self.pledgeForm(w.entity, ["sdg": "8.7", "gcm": "c"]))
            #expect(created.status == .seeOther)
            let id = try await pool.queryValue("SELECT max(id)::int FROM pledge", as: Int.self)
            #expect(
                try await pool.queryValue(
                    "SELECT array_agg(target_code)::text[] FROM pledge_sdg_target WHERE pledge_id = \(id)", as: [String].self) == ["8.7"])
            let foreign = try await Self.post(client, w.focal, "/pledges/new", Self.pledgeForm(w.otherEntity))
            #expect(foreign.status == .unprocessableContent)
            #expect(foreign.text.contains("Choose the owning entity among those you belong to."))
            let othersPledge = try await Pledges.make(pool, owner: w.otherEntity)
            #expect(
                try await client.execute(uri: "/pledges/\(othersPledge)/edit", method: .get, headers: w.focal.headers).status == .forbidden)
            #expect(try await client.execute(uri: "/pledges/\(w.pledge)/edit", method: .get, headers: w.focal.headers).status == .ok)
            // Co-owning makes it theirs to edit too.
            try await pool.execute("INSERT INTO pledge_co_owner (pledge_id, entity_id) VALUES (\(othersPledge), \(w.entity))")
            #expect(try await client.execute(uri: "/pledges/\(othersPledge)/edit", method: .get, headers: w.focal.headers).status == .ok)
            // Editing with a stale version is a conflict, not an overwrite.
            let stale = try await Self.post(
                client, w.focal, "/pledges/\(w.pledge)/edit", Self.pledgeForm(w.entity, ["title": "Renamed", "version": "0"]))
            #expect(stale.status == .conflict)
            #expect(try await pool.queryValue("SELECT title FROM pledge WHERE id = \(w.pledge)", as: String.self) == "A pledge")
        }
    }

    @Test("the list filters in the URL, searches, hides restricted pledges from the public, and pages")
    func list() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let shelters = try await Pledges.make(pool, owner: w.entity, title: "Shelters for survivors", countries: ["ITA"], measures: [6])
            let restricted = try await Pledges.make(
                pool, owner: w.entity, title: "Confidential referral pilot", visibility: .restricted, countries: ["ITA"])
            _ = try await Pledges.milestone(pool, pledge: shelters, status: .onTrack, due: "2020-01-01")
            func titles(_ query: String, _ headers: HTTPFields = [:]) async throws -> [String] {
                let response = try await client.execute(uri: "/pledges?\(query)", method: .get, headers: headers)
                #expect(response.status == .ok)
                return response.text.matches(of: /<th scope="row"><a dir="auto" href="\/pledges\/\d+">([^<]+)<\/a>/).map { String($0.1) }
            }
            #expect(try await titles("country=ITA") == ["Shelters for survivors"], "the public does not see restricted pledges")
            #expect(Set(try await titles("country=ITA", w.focal.headers)) == ["Shelters for survivors", "Confidential referral pilot"])
            #expect(try await titles("region=150") == ["Shelters for survivors"], "Europe")
            #expect(try await titles("measure=6") == ["Shelters for survivors"])
            #expect(try await titles("overdue=1") == ["Shelters for survivors"])
            #expect(try await titles("status=in_progress") == ["Shelters for survivors"])
            #expect(try await titles("q=shelter") == ["Shelters for survivors"])
            #expect(try await titles("q=%22no+such+words%22").isEmpty)
            #expect(try await titles("sort=title&country=&status=bogus&page=abc").count == 2, "unknown values are ignored")
            #expect(try await client.execute(uri: "/pledges/\(restricted)", method: .get).status == .notFound)
            let reference = try await services.reference.get(pool)
            let filter = PledgeFilter(
                [(key: "country", value: "ita"), (key: "overdue", value: "1"), (key: "q", value: "a&b")].map { $0 }, reference: reference)
            #expect(filter.queryString(page: 2) == "country=ITA&overdue=1&q=a%26b&page=2")
        }
    }

    @Test("the secretariat adds and renames entities; a duplicate name or unknown country is refused on the form")
    func entities() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await Self.world(pool)
            let created = try await Self.post(
                client, w.secretariat, "/admin/entities/new",
                ["name": "Coastal Shelter Trust", "kind": "civil_society", "home_country": "grc"])
            #expect(created.status == .seeOther)
            #expect(
                try await pool.queryValue("SELECT home_country::text FROM entity WHERE name = 'Coastal Shelter Trust'", as: String.self)
                    == "GRC")
            let duplicate = try await Self.post(client, w.secretariat, "/admin/entities/new", ["name": "Own entity", "kind": "state"])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.text.contains("An entity with this name exists already."))
            let unknown = try await Self.post(
                client, w.secretariat, "/admin/entities/\(w.entity)", ["name": "Renamed", "kind": "state", "home_country": "ZZZ"])
            #expect(unknown.text.contains("One of the countries is not in the list."))
            #expect(try await pool.queryValue("SELECT name FROM entity WHERE id = \(w.entity)", as: String.self) == "Own entity")
            #expect(try await Self.post(client, w.focal, "/admin/entities/new", ["name": "X", "kind": "state"]).status == .forbidden)
        }
    }
}
