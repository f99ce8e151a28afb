import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import PledgetrackApp

/// The dashboards against a small set of pledges counted by hand (see `Fixture`), never
/// against the queries that make them.
@Suite("Dashboards")
struct DashboardTests {
    /// Four pledges, counted by hand:
    /// - P1 (State entity, public): Kenya and Uganda; measures 3 and 18; SDG 8.7; GCM a.
    ///   Commitment done, implementation on track but overdue, evaluation not started → in progress.
    /// - P2 (civil society, public): Kenya; measure 3. All three stages done and validated → fulfilled.
    /// - P3 (State entity, restricted): Kenya; measure 5. Commitment not started → planning.
    /// - P4 (civil society, public): Uganda; measure 18. Commitment on track, implementation
    ///   dropped; then withdrawn.
    /// Public: 3 pledges (1 fulfilled, 1 in progress, 1 withdrawn). Milestones (no dropped, none of
    /// withdrawn P4): P1 3 (1 done, 1 overdue) + P2 3 (3 done) = 6, 4 done, 1 overdue.
    /// Staff add P3: 4 pledges, 1 planning, 7 milestones, 4 done.
    struct Fixture {
        let p1: Int, p2: Int, p3: Int, p4: Int
        let overdueMilestone: Int

        static func make(_ pool: ConnectionPool) async throws -> Fixture {
            let state = try await pool.queryValue(
                "INSERT INTO entity (name, kind) VALUES ('Republic of Testland', 'state') RETURNING id", as: Int.self)
            let ngo = try await People.entity(pool, "Testland Shelter Network")
            let p1 = try await Pledges.make(pool, owner: state, title: "Referral line", countries: ["KEN", "UGA"], measures: [3, 18])
            try await pool.execute("INSERT INTO pledge_sdg_target VALUES (\(p1), '8.7')")
            try await pool.execute("INSERT INTO pledge_gcm_action VALUES (\(p1), 'a')")
            try await Pledges.milestone(pool, pledge: p1, stage: .commitment, status: .done)
            let overdue = try await Pledges.milestone(
                pool, pledge: p1, stage: .implementation, status: .onTrack, title: "Hotline open", due: "2020-01-01")
            try await Pledges.milestone(pool, pledge: p1, stage: .evaluation, status: .notStarted, due: "2999-01-01")
            let p2 = try await Pledges.make(pool, owner: ngo, title: "Shelter places", countries: ["KEN"], measures: [3])
            try await Pledges.milestone(pool, pledge: p2, stage: .commitment, status: .done)
            try await Pledges.milestone(pool, pledge: p2, stage: .implementation, status: .done)
            try await Pledges.milestone(pool, pledge: p2, stage: .evaluation, status: .done, validation: .validated)
            let p3 = try await Pledges.make(
                pool, owner: state, title: "Restricted plan", visibility: .restricted, countries: ["KEN"], measures: [5])
            try await Pledges.milestone(pool, pledge: p3, stage: .commitment, status: .notStarted)
            let p4 = try await Pledges.make(pool, owner: ngo, title: "Withdrawn outreach", countries: ["UGA"], measures: [18])
            try await Pledges.milestone(pool, pledge: p4, stage: .commitment, status: .onTrack, due: "2020-01-01")
            try await Pledges.milestone(pool, pledge: p4, stage: .implementation, status: .dropped)
            try await pool.execute("UPDATE pledge SET withdrawn_at = now(), withdrawn_reason = 'Moved' WHERE id = \(p4)")
            return Fixture(p1: p1, p2: p2, p3: p3, p4: p4, overdueMilestone: overdue)
        }
    }

    static func get(_ client: some TestClientProtocol, _ path: String, as browser: People.Browser? = nil) async throws -> String {
        let response = try await client.execute(uri: path, method: .get, headers: browser?.headers ?? [:])
        #expect(response.status == .ok, "\(path): \(response.status)")
        return response.text
    }

    @Test("overview: headline figures, statuses and stages, public and for staff")
    func overview() async throws {
        try await AppHarness.withApp { client, services in
            _ = try await Fixture.make(services.pool)
            let html = try await Self.get(client, "/dashboards")
            #expect(HTMLTable.definition("Pledges", in: html) == "3")
            #expect(HTMLTable.definition("Pledging entities", in: html) == "2")
            #expect(HTMLTable.definition("Countries with pledges", in: html) == "2")
            // 1, 1, 0 and 1 of 3 by the largest remainder: 34, 33, 0 and 33 % (the tie goes to the first).
            #expect(HTMLTable.definition("Fulfilled", in: html) == "34 %")
            #expect(HTMLTable.definition("Overdue milestones", in: html) == "1")
            #expect(HTMLTable.row("Fulfilled", in: html) == ["Fulfilled", "1", "34 %"])
            #expect(HTMLTable.row("Withdrawn", in: html) == ["Withdrawn", "1", "33 %"])
            #expect(HTMLTable.row("Planning", in: html) == ["Planning", "0", "0 %"])
            #expect(HTMLTable.row("Commitment", in: html) == ["Commitment", "2", "2", "100 %"])
            #expect(HTMLTable.row("Implementation", in: html) == ["Implementation", "1", "2", "50 %"])
            #expect(html.contains("They count public pledges only."))
            let home = try await Self.get(client, "/")
            #expect(HTMLTable.definition("Pledges", in: home) == "3")
            #expect(HTMLTable.definition("Milestones done", in: home) == "67 %")

            let secretariat = try await People.signIn(
                services.pool, try await People.make(services.pool, "sec@example.org", roles: [.secretariat]))
            let staff = try await Self.get(client, "/dashboards", as: secretariat)
            #expect(HTMLTable.definition("Pledges", in: staff) == "4")
            #expect(HTMLTable.row("Planning", in: staff) == ["Planning", "1", "25 %"])
            #expect(HTMLTable.row("Commitment", in: staff) == ["Commitment", "2", "3", "67 %"])
            #expect(staff.contains("They include restricted pledges"))
            // Staff fill the cache for a page that lists the restricted pledge; visitors still get theirs.
            #expect(try await Self.get(client, "/dashboards/measures/5", as: secretariat).contains("Restricted plan"))
            #expect(!(try await Self.get(client, "/dashboards/measures/5").contains("Restricted plan")))
            // The pledge list's country choices do not hint at restricted pledges either.
            _ = try await Pledges.make(
                services.pool, owner: try await People.entity(services.pool, "Quiet owner"), visibility: .restricted, countries: ["ISL"])
            #expect(try await Self.get(client, "/pledges", as: secretariat).contains("value=\"ISL\""))
            #expect(!(try await Self.get(client, "/pledges").contains("value=\"ISL\"")))
            // A facilitator (sees restricted pledges, edits none) gets the cached staff page; a visitor never does.
            let facilitator = try await People.signIn(
                services.pool, try await People.make(services.pool, "fac@example.org", roles: [.panelFacilitator]))
            let restricted = try await services.pool.queryValue("SELECT id FROM pledge WHERE visibility = 'restricted'", as: Int.self)
            #expect(try await Self.get(client, "/pledges/\(restricted)", as: facilitator).contains("Restricted plan"))
            #expect(try await client.execute(uri: "/pledges/\(restricted)", method: .get).status == .notFound)
            // The public page is still the public one after staff filled the cache.
            #expect(HTMLTable.definition("Pledges", in: try await Self.get(client, "/dashboards")) == "3")
        }
    }

    @Test("by State, one country, the matrix, by measure, SDG target and GCM action")
    func breakdowns() async throws {
        try await AppHarness.withApp { client, services in
            _ = try await Fixture.make(services.pool)
            let states = try await Self.get(client, "/dashboards/states")
            // Country, sub-region, pledges, fulfilled, in progress, planning, milestones done, overdue.
            #expect(HTMLTable.row("Kenya", in: states) == ["Kenya", "Sub-Saharan Africa", "2", "1", "1", "0", "0", "4 of 6 (67 %)", "1"])
            #expect(HTMLTable.row("Uganda", in: states) == ["Uganda", "Sub-Saharan Africa", "2", "0", "1", "0", "1", "1 of 3 (33 %)", "1"])
            #expect(HTMLTable.row("Africa (2)", in: states) != nil)
            #expect(states.contains("href=\"/dashboards/states/KEN\""))
            #expect(!states.contains("href=\"/dashboards/states/FRA\""), "a country without pledges has no page link")

            let kenya = try await Self.get(client, "/dashboards/states/KEN")
            #expect(HTMLTable.definition("Pledges", in: kenya) == "2")
            #expect(kenya.contains("Pledges here cover 2 of the 20 measures; 18 are not covered."))
            #expect(HTMLTable.row("5. ", in: kenya)?.last == "Not covered by any pledge")
            #expect(kenya.contains("Hotline open"), "the overdue milestone is listed")
            #expect(HTMLTable.row("SDG 8.7", in: kenya)?[1] == "1")

            let matrix = try await Self.get(client, "/dashboards/matrix")
            let kenyaRow = try #require(HTMLTable.row("Kenya", in: matrix))
            #expect(kenyaRow.count == 21)
            #expect(kenyaRow[3] == "2" && kenyaRow[18] == "1" && kenyaRow[5] == "", "an empty cell is a gap")
            #expect(HTMLTable.row("Uganda", in: matrix)?[18] == "2")

            let measures = try await Self.get(client, "/dashboards/measures")
            #expect(HTMLTable.row("3. ", in: measures)?[1...2] == ["2", "1"])
            #expect(HTMLTable.row("18. ", in: measures)?[1...2] == ["2", "0"])
            let measure18 = try await Self.get(client, "/dashboards/measures/18")
            #expect(HTMLTable.row("Uganda", in: measure18) == ["Uganda", "2", "0", "1", "0", "1", "1 of 3 (33 %)", "1"])

            let target = try await Self.get(client, "/dashboards/sdgs/8.7")
            #expect(HTMLTable.definition("Pledges", in: target) == "1")
            #expect(HTMLTable.row("SDG 8.7", in: try await Self.get(client, "/dashboards/sdgs"))?[1] == "1")
            #expect(HTMLTable.row("GCM (a)", in: try await Self.get(client, "/dashboards/gcm"))?[1] == "1")
        }
    }

    @Test("filters narrow every figure and stay in the links")
    func filters() async throws {
        try await AppHarness.withApp { client, services in
            _ = try await Fixture.make(services.pool)
            let html = try await Self.get(client, "/dashboards?kind=civil_society")
            #expect(HTMLTable.definition("Pledges", in: html) == "2")
            #expect(HTMLTable.row("Fulfilled", in: html) == ["Fulfilled", "1", "50 %"])
            #expect(html.contains("href=\"/dashboards/states?kind=civil_society\""))
            #expect(html.contains("href=\"/pledges?kind=civil_society\""))
            let kenya = try await Self.get(client, "/dashboards/states/KEN?status=fulfilled")
            #expect(HTMLTable.definition("Pledges", in: kenya) == "1")
            // The form's empty fields are dropped from the address, to keep it short to bookmark.
            let form = try await client.execute(uri: "/dashboards/states?region=002&kind=&status=&sort=overdue", method: .get)
            #expect(form.status == .seeOther)
            #expect(form.location == "/dashboards/states?region=002&sort=overdue")
            // The overdue link leads to the same pledges the figure counts (withdrawn ones are not overdue).
            let overdueList = try await Self.get(client, "/pledges?overdue=1")
            #expect(overdueList.contains("Referral line") && !overdueList.contains("Withdrawn outreach"))
            let outsideAfrica = try await Self.get(client, "/dashboards/states?region=150")
            #expect(outsideAfrica.contains("No pledges match these filters."))
            // A pledge in Kenya and France: with the Africa filter it counts, but France does not show.
            let owner = try await People.entity(services.pool, "Two-region owner")
            _ = try await Pledges.make(services.pool, owner: owner, countries: ["KEN", "FRA"])
            #expect(HTMLTable.row("France", in: try await Self.get(client, "/dashboards/states")) != nil)
            let africa = try await Self.get(client, "/dashboards/states?region=002")
            #expect(HTMLTable.row("France", in: africa) == nil)
            #expect(HTMLTable.row("Kenya", in: africa)?[2] == "3")
            #expect(HTMLTable.definition("Countries with pledges", in: try await Self.get(client, "/dashboards?region=002")) == "2")
        }
    }

    @Test("unknown codes are 404; filters that cannot be read are left out with a notice")
    func badInput() async throws {
        try await AppHarness.withApp { client, services in
            _ = try await Fixture.make(services.pool)
            for path in [
                "/dashboards/states/XYZ", "/dashboards/states/K", "/dashboards/measures/21", "/dashboards/measures/x",
                "/dashboards/sdgs/9.9", "/dashboards/sdgs/8.7.1",
            ] {
                #expect(try await client.execute(uri: path, method: .get).status == .notFound, "\(path)")
            }
            let html = try await Self.get(client, "/dashboards?region=999&status=done&from=2026-13-01&pledge_kind=%3Cscript%3E")
            #expect(html.contains("Some filters in the address could not be used."))
            for label in ["Region", "Status", "From", "Kind of pledge"] {
                #expect(html.contains("\(label): the value given is not one we know"), "\(label)")
            }
            let ancient = try await Self.get(client, "/dashboards?to=0001-06-01")
            #expect(ancient.contains("To: the value given is not one we know"))
            #expect(HTMLTable.definition("Pledges", in: html) == "3", "the figures are the unfiltered ones")
            let backwards = try await Self.get(client, "/dashboards?from=2026-06-01&to=2026-01-01")
            #expect(backwards.contains("Period: the value given is not one we know"))
        }
    }

    @Test("a write shows up on the dashboards and the pledge list at once, whoever makes it")
    func writesShowAtOnce() async throws {
        try await AppHarness.withApp { client, services in
            let fixture = try await Fixture.make(services.pool)
            #expect(HTMLTable.row("Kenya", in: try await Self.get(client, "/dashboards/states"))?[8] == "1")
            #expect(try await Self.get(client, "/pledges").contains("Shelter places"))
            #expect(!(try await Self.get(client, "/pledges/\(fixture.p1)").contains("Opened")))
            // Through the app: the focal point marks the overdue milestone done.
            let owner = try await services.pool.queryValue("SELECT owner_entity_id FROM pledge WHERE id = \(fixture.p1)", as: Int.self)
            let focal = try await People.signIn(
                services.pool, try await People.make(services.pool, "focal@example.org", roles: [.focalPoint], entities: [owner]))
            let version = try await services.pool.queryValue(
                "SELECT version FROM milestone WHERE id = \(fixture.overdueMilestone)", as: Int.self)
            let (h, b) = focal.post([
                "stage": "implementation", "title": "Hotline open", "due_date": "2020-01-01", "status": "done",
                "percent_complete": "100", "completed_on": "2026-01-02", "why": "Opened", "version": String(version),
            ])
            let saved = try await client.execute(uri: "/milestones/\(fixture.overdueMilestone)/edit", method: .post, headers: h, body: b)
            #expect(saved.status == .seeOther)
            #expect(try await Self.get(client, "/pledges/\(fixture.p1)").contains("Opened"), "the cached pledge page shows the change")
            let after = try await Self.get(client, "/dashboards/states")
            #expect(HTMLTable.row("Kenya", in: after) == ["Kenya", "Sub-Saharan Africa", "2", "1", "1", "0", "0", "5 of 6 (83 %)", "0"])
            // Straight in the database, as another process would: the cached page is not served.
            try await services.pool.execute("UPDATE pledge SET visibility = 'restricted' WHERE id = \(fixture.p2)")
            #expect(HTMLTable.definition("Pledges", in: try await Self.get(client, "/dashboards")) == "2")
            #expect(!(try await Self.get(client, "/pledges").contains("Shelter places")), "the cached pledge list is rebuilt too")
            #expect(HTMLTable.row("Kenya", in: try await Self.get(client, "/dashboards/states"))?[2] == "1")
        }
    }
    @Test("pages are served from the cache until a transaction that writes what they show commits")
    func cacheUntilWrite() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let fixture = try await Fixture.make(pool)
            #expect(HTMLTable.definition("Pledges", in: try await Self.get(client, "/dashboards")) == "3")
            // A write that keeps quiet (its transaction says it bumped already): the cached page stays.
            try await pool.transaction { tx in
                try tx.execute("SELECT set_config('pledgetrack.data_touched', 'withheld', true)")
                try tx.execute("UPDATE pledge SET visibility = 'restricted' WHERE id = \(fixture.p2)")
            }
            #expect(HTMLTable.definition("Pledges", in: try await Self.get(client, "/dashboards")) == "3", "served from the cache")
            // A transaction of several statements bumps the version once, at commit.
            let person = try await People.make(pool, "renamed@example.org", roles: [.secretariat])
            let before = try await DataVersion.read(pool)
            try await pool.transaction { tx in
                try tx.execute("UPDATE pledge SET title = 'Referral line, renamed' WHERE id = \(fixture.p1)")
                try tx.execute(
                    "INSERT INTO milestone (pledge_id, stage, position, title) VALUES (\(fixture.p1), 'evaluation', 2, 'Review')")
            }
            #expect(try await DataVersion.read(pool) == before + 1)
            #expect(HTMLTable.definition("Pledges", in: try await Self.get(client, "/dashboards")) == "2")
            // Renaming a person (pledge histories show names) and an entity bump it too.
            try await pool.execute("UPDATE app_user SET display_name = 'Renamed' WHERE id = \(person)")
            try await pool.execute("UPDATE entity SET name = 'Renamed entity' WHERE id = (SELECT min(id) FROM entity)")
            #expect(try await DataVersion.read(pool) == before + 3)
        }
    }
}

/// Reads figures out of rendered pages: a table row's cells as text, or a `<dt>`'s `<dd>`.
enum HTMLTable {
    static func text(_ html: Substring) -> String {
        html.replacing(/<[^>]*>/, with: "").replacing(/\s+/, with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The cells of the first row whose first cell's text starts with `label`.
    static func row(_ label: String, in html: String) -> [String]? {
        for part in html.split(separator: "<tr").dropFirst() {
            let row = part.split(separator: "</tr>").first ?? part
            let cells = row.matches(of: /<t[hd][^>]*>(.*?)<\/t[hd]>/.dotMatchesNewlines()).map { text($0.output.1) }
            if let first = cells.first, first.hasPrefix(label) { return cells }
        }
        return nil
    }

    static func definition(_ term: String, in html: String) -> String? {
        html.matches(of: /<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/).first { $0.output.1 == term }.map { String($0.output.2) }
    }
}
