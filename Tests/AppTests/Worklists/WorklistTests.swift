import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import PledgetrackApp

@Suite("Worklists: where each role lands, and what waits for them")
struct WorklistTests {
    /// The count a worklist shows beside the link to `href`, or nil when the link is missing.
    static func count(_ page: String, _ href: String) -> String? {
        let escaped = NSRegularExpression.escapedPattern(for: href.replacingOccurrences(of: "&", with: "&amp;"))
        guard let regex = try? NSRegularExpression(pattern: "<a href=\"\(escaped)\">[^<]*</a> <span class=\"count[^\"]*\">([^<]+)</span>"),
            let match = regex.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)),
            let range = Range(match.range(at: 1), in: page)
        else { return nil }
        return String(page[range])
    }

    /// How many rows a list says it has ("7 pledges", "Feedback you can read: 1").
    static func listed(_ page: String) -> String? {
        page.firstMatch(of: /role="status">(\d+) (?:pledges?|entity|entities)/).map { String($0.1) }
            ?? page.firstMatch(of: /<h2>[^<:]*: (\d+)<\/h2>/).map { String($0.1) }
    }

    @Test("a focal point's worklist counts their entities' pledges, and each count is the row count of its link")
    func focalPoint() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let own = try await People.entity(pool, "Own entity"), partner = try await People.entity(pool, "Partner entity")
            let other = try await People.entity(pool, "Other entity")
            let focal = try await People.signIn(
                pool, try await People.make(pool, "focal@example.org", roles: [.focalPoint], entities: [own]))
            let owned = try await Pledges.make(pool, owner: own, title: "Owned pledge")
            let coOwned = try await Pledges.make(pool, owner: partner, title: "Co-owned pledge")
            try await pool.execute("INSERT INTO pledge_co_owner (pledge_id, entity_id) VALUES (\(coOwned), \(own))")
            let others = try await Pledges.make(pool, owner: other, title: "Someone else's pledge")
            try await Pledges.milestone(pool, pledge: owned, status: .onTrack, due: "2020-01-01")
            try await Pledges.milestone(pool, pledge: others, status: .onTrack, due: "2020-01-01")
            try await Pledges.milestone(pool, pledge: coOwned, stage: .evaluation, status: .done, validation: .sentBack)

            let work = try await client.execute(uri: "/work", method: .get, headers: focal.headers)
            #expect(work.status == .ok)
            let page = work.text
            #expect(Self.count(page, "/pledges?mine=1") == "2")
            #expect(Self.count(page, "/pledges?mine=1&overdue=1") == "1")
            #expect(Self.count(page, "/pledges?mine=1&validation=sent_back") == "1")
            #expect(Self.count(page, "/feedback?awaiting=1") == "none")
            // Feedback published for the owners of an owned pledge waits for the focal point's answer.
            let panel = try await pool.queryValue("INSERT INTO panel (name) VALUES ('Panel') RETURNING id", as: Int.self)
            let member = try await People.make(pool, "amani@example.org", roles: [.panelMember], name: "Amani")
            try await pool.execute("INSERT INTO panel_member (user_id, panel_id) VALUES (\(member), \(panel))")
            try await pool.execute(
                """
                INSERT INTO feedback (panel_id, author_id, pledge_id, scope, body, moderation)
                VALUES (\(panel), \(member), \(owned), 'pledge_owners', 'Please answer', 'published')
                """)
            let waiting = try await client.execute(uri: "/work", method: .get, headers: focal.headers).text
            #expect(Self.count(waiting, "/feedback?awaiting=1") == "1")
            let awaitingList = try await client.execute(uri: "/feedback?awaiting=1", method: .get, headers: focal.headers).text
            #expect(Self.listed(awaitingList) == "1", "the list the line opens shows that one item")
            for href in ["/pledges?mine=1", "/pledges?mine=1&overdue=1", "/pledges?mine=1&validation=sent_back"] {
                let list = try await client.execute(uri: href, method: .get, headers: focal.headers).text
                #expect(Self.listed(list) == Self.count(page, href), "\(href) shows as many rows as the worklist says")
            }
            let mine = try await client.execute(uri: "/pledges?mine=1", method: .get, headers: focal.headers).text
            #expect(mine.contains("Owned pledge") && mine.contains("Co-owned pledge") && !mine.contains("Someone else"))
            // Without a session "mine" means nothing: named as left out, never an error.
            let visitor = try await client.execute(uri: "/pledges?mine=1", method: .get).text
            #expect(visitor.contains("Some filters in the address could not be used"))
            #expect(visitor.contains("Someone else"))
        }
    }

    @Test("the secretariat's queue: validation, stale, overdue, entities without a focal point, feedback by review")
    func secretariat() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let staffed = try await People.entity(pool, "Staffed entity")
            let orphan = try await People.entity(pool, "Orphan entity")
            let focal = try await People.make(pool, "focal@example.org", roles: [.focalPoint], entities: [staffed])
            let secretariat = try await People.signIn(pool, try await People.make(pool, "sec@example.org", roles: [.secretariat]))
            let pledge = try await Pledges.make(pool, owner: staffed)
            try await Pledges.milestone(pool, pledge: pledge, stage: .evaluation, status: .done, validation: .pending)

            let page = try await client.execute(uri: "/work", method: .get, headers: secretariat.headers).text
            #expect(Self.count(page, "/pledges?validation=pending") == "1")
            #expect(Self.count(page, "/admin/entities?without_focal_point=1") == "1")
            #expect(Self.count(page, "/feedback?review=new") == "none")
            let orphans = try await client.execute(
                uri: "/admin/entities?without_focal_point=1", method: .get, headers: secretariat.headers
            ).text
            #expect(orphans.contains("Orphan entity") && !orphans.contains("Staffed entity"))
            let waiting = try await client.execute(uri: "/pledges?validation=pending", method: .get, headers: secretariat.headers).text
            #expect(Self.listed(waiting) == "1")
            // The queue is kept until the data changes; a focal point joining the orphan is a change
            // (entity_member alone: migration 0014's trigger).
            try await pool.execute("INSERT INTO entity_member (user_id, entity_id) VALUES (\(focal), \(orphan))")
            let after = try await client.execute(uri: "/work", method: .get, headers: secretariat.headers).text
            #expect(Self.count(after, "/admin/entities?without_focal_point=1") == "none")
            // An entity's page leads to its pledges and its focal points.
            let entity = try await client.execute(uri: "/admin/entities/\(staffed)", method: .get, headers: secretariat.headers).text
            #expect(entity.contains("/pledges?entity=\(staffed)") && entity.contains("focal@example.org"))
        }
    }

    @Test("signing in lands staff on /work and a panel member on their panel")
    func landing() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let panel = try await pool.queryValue("INSERT INTO panel (name) VALUES ('Panel') RETURNING id", as: Int.self)
            let member = try await People.make(pool, "amani@example.org", roles: [.panelMember], name: "Amani")
            try await pool.execute("INSERT INTO panel_member (user_id, panel_id) VALUES (\(member), \(panel))")
            let browser = try await People.signIn(pool, member)
            let landed = try await client.execute(uri: "/work", method: .get, headers: browser.headers)
            #expect(landed.status == .seeOther && landed.location == "/panels/\(panel)")
            #expect(SignInPage.safeNext(nil) == "/work")
            #expect(try await client.execute(uri: "/work", method: .get).status == .seeOther, "signed out: sent to sign in")
        }
    }

    @Test("a page past the last one is named as left out and the first page is shown")
    func pagePastTheEnd() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let entity = try await People.entity(pool, "Entity")
            _ = try await Pledges.make(pool, owner: entity, title: "Only pledge")
            let page = try await client.execute(uri: "/pledges?page=999", method: .get).text
            #expect(page.contains("Some filters in the address could not be used"))
            #expect(page.contains("Only pledge"))
            #expect(!page.contains("Page 999"))
            #expect(!page.contains("0 of 0 done"), "a pledge without milestones shows —, not 0 of 0")
            #expect(page.contains("/reports/download?format=pledges.csv"), "the list can be downloaded")
            let feedback = try await client.execute(uri: "/feedback?page=999", method: .get).text
            #expect(feedback.contains("Some filters in the address could not be used"), "the feedback list too")
        }
    }
}
