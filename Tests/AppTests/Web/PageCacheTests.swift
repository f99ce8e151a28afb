import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Markup
import Synchronization
import TestSupport
import Testing

@testable import PledgetrackApp

/// The page cache under writes: pages shown while one rebuild runs, never past the bound,
/// never after a withheld change, never to the person who just wrote; and the version learnt
/// from PostgreSQL's notifications, with the database asked whenever the listener is down.
@Suite("Page cache and data version")
struct PageCacheTests {
    static let key = PageCache.Key(
        path: "/dashboards", seesRestricted: false, language: .english, day: CalendarDate(year: 2026, month: 12, day: 1)!)

    /// Counts builds; each build's page says which build it was.
    final class Builder: Sendable {
        let count = Mutex(0)
        func make() -> @Sendable () async throws -> Page {
            { [self] in
                let n = count.withLock { n in
                    n += 1
                    return n
                }
                return Page(title: "build \(n)", content: "")
            }
        }
        var builds: Int { count.withLock { $0 } }
    }

    static func live(_ version: Int, floor: Int = 0) -> DataVersion.Reading {
        DataVersion.Reading(version: version, withheldFloor: floor, live: true)
    }

    /// Lets background builds finish.
    static func settle() async throws { try await Task.sleep(for: .milliseconds(300)) }

    @Test("a stale page is shown while one rebuild runs, at most once a refresh interval, never past the bound")
    func staleWhileRevalidate() async throws {
        try await TestServer.withDatabase { pool in
            let t0 = ContinuousClock.now
            // When the process learnt of the first change the kept page does not show.
            let changed = Mutex(t0 + .milliseconds(450))
            let cache = PageCache(versions: DataVersion(pool: pool), behindSince: { _ in changed.withLock { $0 } })
            let b = Builder()
            #expect(try await cache.page(Self.key, reading: Self.live(1), now: t0, make: b.make()).title == "build 1")
            #expect(try await cache.page(Self.key, reading: Self.live(1), now: t0 + .milliseconds(10), make: b.make()).title == "build 1")
            // A write, half a second after the page was made: shown as it is, no rebuild yet.
            #expect(try await cache.page(Self.key, reading: Self.live(2), now: t0 + .milliseconds(500), make: b.make()).title == "build 1")
            try await Self.settle()
            #expect(b.builds == 1)
            // Past the refresh interval: still shown, and one rebuild starts in the background.
            for step in 0..<5 {
                let shown = try await cache.page(
                    Self.key, reading: Self.live(3 + step), now: t0 + .milliseconds(1_100 + step), make: b.make())
                // The rebuild may finish between two of these: then its page is shown.
                #expect(["build 1", "build 2"].contains(shown.title))
            }
            try await Self.settle()
            #expect(b.builds == 2, "many writes, one rebuild")
            #expect(
                try await cache.page(Self.key, reading: Self.live(7), now: t0 + .milliseconds(1_200), make: b.make()).title == "build 2")
            // Behind the data for longer than the bound: the next reader waits for a fresh one.
            changed.withLock { $0 = t0 + .milliseconds(1_300) }
            let late = t0 + .milliseconds(1_300) + PageCache.staleBound + .milliseconds(1)
            #expect(try await cache.page(Self.key, reading: Self.live(8), now: late, make: b.make()).title == "build 3")
            // A page nobody changed for an hour, and a write a moment ago: shown while it is made again.
            let hourLater = late + .seconds(3_600)
            changed.withLock { $0 = hourLater - .milliseconds(20) }
            #expect(try await cache.page(Self.key, reading: Self.live(9), now: hourLater, make: b.make()).title == "build 3")
            try await Self.settle()
            #expect(b.builds == 4)
        }
    }

    @Test("a withheld change, a reader who just wrote, or a version asked of the database: never a stale page")
    func neverStale() async throws {
        try await TestServer.withDatabase { pool in
            let cache = PageCache(versions: DataVersion(pool: pool), behindSince: { _ in .now })
            let b = Builder()
            let t0 = ContinuousClock.now
            _ = try await cache.page(Self.key, reading: Self.live(10), now: t0, make: b.make())
            // Feedback erased, a pledge restricted: the floor rises past the page.
            #expect(
                try await cache.page(Self.key, reading: Self.live(11, floor: 11), now: t0 + .milliseconds(100), make: b.make()).title
                    == "build 2")
            // The reader's own write made version 12: a page made at 11 is not theirs to see.
            #expect(
                try await cache.page(Self.key, reading: Self.live(12), wrote: 12, now: t0 + .milliseconds(200), make: b.make()).title
                    == "build 3")
            // Other readers may be shown that page while a newer one is made.
            #expect(try await cache.page(Self.key, reading: Self.live(13), now: t0 + .milliseconds(300), make: b.make()).title == "build 3")
            // Without the listener, every version comes from the database and is trusted exactly.
            let asked = DataVersion.Reading(version: 14, withheldFloor: 14, live: false)
            #expect(try await cache.page(Self.key, reading: asked, now: t0 + .milliseconds(400), make: b.make()).title == "build 4")
            // A lower version than one seen: the database was restored, nothing kept is trusted.
            #expect(try await cache.page(Self.key, reading: Self.live(5), now: t0 + .milliseconds(500), make: b.make()).title == "build 5")
        }
    }

    @Test("readers waiting for the same page share one build")
    func sharedBuild() async throws {
        try await TestServer.withDatabase { pool in
            let cache = PageCache(versions: DataVersion(pool: pool))
            let count = Mutex(0)
            let now = ContinuousClock.now
            let make: @Sendable () async throws -> Page = {
                count.withLock { $0 += 1 }
                try await Task.sleep(for: .milliseconds(100))
                return Page(title: "slow", content: "")
            }
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await cache.page(Self.key, reading: Self.live(1), now: now, make: make).title } }
                for try await title in group { #expect(title == "slow") }
            }
            #expect(count.withLock { $0 } == 1)
        }
    }

    /// Waits until `condition` holds, for up to five seconds.
    static func eventually(_ what: Comment, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record(what)
    }

    @Test("the version arrives by LISTEN/NOTIFY within milliseconds; a dropped listener falls back to asking, then reconnects")
    func listener() async throws {
        try await TestServer.withMigratedDatabase { pool in
            let versions = DataVersion(pool: pool)
            let listener = NotificationListener(
                configuration: pool.configuration, channels: [DataVersion.channel], delegate: versions, logger: TestServer.logger)
            let running = Task { try await listener.run() }
            defer {
                listener.stop()
                running.cancel()
            }
            try await Self.eventually("the listener connects") { try await versions.current().live }
            let entity = try await People.entity(pool, "An entity")
            try await Self.eventually("the entity is learnt") { try await versions.current().version == (try await DataVersion.read(pool)) }
            let before = try await versions.current().version
            try await pool.execute("UPDATE entity SET name = 'Renamed' WHERE id = \(entity)")
            let sent = ContinuousClock.now
            try await Self.eventually("a plain write is learnt") { try await versions.current().version == before + 1 }
            let latency = ContinuousClock.now - sent
            #expect(latency < .seconds(1), "learnt in \(latency)")
            #expect(try await versions.current().withheldFloor < before + 1, "a plain write withholds nothing")
            #expect(versions.firstChange(after: before) != nil, "a page made before it is behind since it was learnt")
            #expect(versions.firstChange(after: before + 1) == nil)
            #expect(versions.firstChange(after: before - 100) == nil, "older than what is remembered: too long")
            // A role taken away withholds: pages made before it are not shown again.
            let person = try await People.make(pool, "withheld@example.org", roles: [.secretariat])
            try await Self.eventually("a withheld change raises the floor") {
                let now = try await versions.current()
                return now.withheldFloor == now.version && now.version >= before + 2
            }
            _ = person
            // A version the listener has not reported (a reader's own write): asked of the database.
            let ahead = try await versions.current(atLeast: Int.max)
            let database = try await DataVersion.read(pool)
            #expect(ahead.asked && ahead.version == database)
            // The listening connection dropped: readings come from the database until it is back.
            let lost = versions.connectionsLost
            try await pool.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE '% (listener)' AND datname = current_database()"
            )
            // It may be back before this looks: count the loss rather than watch for it.
            try await Self.eventually("the loss is noticed") { versions.connectionsLost > lost }
            try await pool.execute("UPDATE entity SET name = 'Renamed again' WHERE id = \(entity)")
            let whileDown = try await versions.current()
            let expected = try await DataVersion.read(pool)
            // Asked of the database while the listener is down, or learnt again once it is back: right either way.
            #expect(whileDown.version == expected)
            try await Self.eventually("the listener reconnects") { try await versions.current().live }
            let back = try await versions.current().version
            #expect(back == (try await DataVersion.read(pool)))
        }
    }

    @Test("through the router: a restricted pledge leaves the cached page at once; the writer sees their own change")
    func throughTheRouter() async throws {
        try await TestServer.withMigratedDatabase { pool in
            let services = AppServices(pool: pool, readiness: Readiness(.ready), hasher: AppHarness.hasher)
            let listener = services.listener(pool.configuration, logger: TestServer.logger)
            let running = Task { try await listener.run() }
            defer {
                listener.stop()
                running.cancel()
            }
            try await Self.eventually("the listener connects") { try await services.pages.versions.current().live }
            try await AppHarness.withApp(services) { client, _ in
                let w = try await PledgeTests.world(pool)
                let milestone = try await Pledges.milestone(pool, pledge: w.pledge, title: "Train 40 officers")
                let path = "/pledges/\(w.pledge)"
                #expect(try await client.execute(uri: path, method: .get).status == .ok)
                try await pool.execute("UPDATE pledge SET visibility = 'restricted' WHERE id = \(w.pledge)")
                let version = try await DataVersion.read(pool)
                try await Self.eventually("learnt") { try await services.pages.versions.current().version >= version }
                #expect(try await client.execute(uri: path, method: .get).status == .notFound, "withheld: never served from before")
                try await pool.execute("UPDATE pledge SET visibility = 'public' WHERE id = \(w.pledge)")
                // The focal point reads their measure's dashboard (kept for staff), renames a
                // milestone, and their next view shows it at once, though the page kept is
                // younger than the refresh interval and another reader may see it a moment longer.
                let dashboard = "/dashboards/measures/3"
                #expect(
                    !(try await client.execute(uri: dashboard, method: .get, headers: w.focal.headers).text.contains("Renamed by its owner"))
                )
                let posted = try await PledgeTests.post(
                    client, w.focal, "/milestones/\(milestone)/edit", PledgeTests.milestoneForm(["title": "Renamed by its owner"]))
                #expect(posted.status == .seeOther)
                let wrote = posted.headers[values: .setCookie].first { $0.contains("pt_wrote=") }
                #expect(wrote != nil, "the writer carries the version their write made")
                var headers = w.focal.headers
                headers[.cookie] = (headers[.cookie] ?? "") + "; " + String(wrote?.split(separator: ";").first ?? "")
                let seen = try await client.execute(uri: dashboard, method: .get, headers: headers)
                #expect(seen.text.contains("Renamed by its owner"))
            }
        }
    }

    @Test("a visitor's whole response around a kept page is kept, and changes when the page is made again")
    func visitorResponses() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await PledgeTests.world(pool)
            try await pool.execute("UPDATE pledge SET title = 'First title' WHERE id = \(w.pledge)")
            let first = try await client.execute(uri: "/pledges", method: .get).text
            #expect(first.contains("First title"))
            #expect(try await client.execute(uri: "/pledges", method: .get).text == first)
            // The switcher's links name the address: another query, another response.
            let french = try await client.execute(uri: "/pledges?lang=fr", method: .get).text
            #expect(french != first && french.contains("lang=\"fr\""))
            try await pool.execute("UPDATE pledge SET title = 'Second title' WHERE id = \(w.pledge)")
            let again = try await client.execute(uri: "/pledges", method: .get).text
            #expect(again.contains("Second title") && !again.contains("First title"))
            // Someone signed in is never given a visitor's response.
            let signedIn = try await client.execute(uri: "/pledges", method: .get, headers: w.secretariat.headers).text
            #expect(signedIn.contains("/logout"))
        }
    }

}
