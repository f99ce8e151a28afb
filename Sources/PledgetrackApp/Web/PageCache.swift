import Database
import Markup
import Synchronization

/// Rendered pages that show pledge data to many readers (home, dashboards, the pledge list),
/// kept while the data they show stays the same. Only for pages with nothing personal in them:
/// their key must name everything the content depends on (audience, language, the reader's
/// rights). Pages also carry the day in their key (overdue and stale depend on it).
///
/// Each page is stamped with the data version it was made from (`DataVersion`: learnt from
/// PostgreSQL's notifications, so a hit costs no query). After a write, a page made before it:
/// - is made again before it is shown, if it has been behind the data for longer than
///   `staleBound` (since this process learnt of the first change it does not show), if the write took
///   something out of view (a withheld change: feedback, panels, roles, a pledge restricted),
///   or if the version came from the database because the listener is not connected;
/// - else is still shown while one rebuild runs in the background, started at most once every
///   `refreshEvery` for that page however many writes come: so readers never wait for a
///   rebuild during a stream of updates, and a page shown is never more than `staleBound`
///   behind the data.
/// A reader who just wrote carries the version their write made (`FreshnessMiddleware`) and
/// is never shown a page made before it. Requests that wait for the same page share one
/// build. The cache holds at most `budget` bytes of pages and drops the least recently made
/// first; losing it costs only time.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        let path: String
        let variant: String

        /// A page as one kind of reader sees it: its address and anything else its content
        /// depends on (`parts`: filters, a sort, the reader's rights), the audience (staff see
        /// restricted pledges), the language and the day (overdue and stale depend on it).
        init(path: String, _ parts: [String] = [], seesRestricted: Bool, language: Language, day: CalendarDate) {
            self.path = path
            self.variant = (parts + [seesRestricted ? "staff" : "public", language.rawValue, day.iso]).joined(separator: "|")
        }
    }

    /// How far behind the data a page may be shown while its rebuild runs.
    static let staleBound = Duration.seconds(5)
    /// How often, at most, a page is rebuilt while writes keep coming.
    static let refreshEvery = Duration.seconds(1)

    private struct Entry {
        let page: Page
        let version: Int
        let madeAt: ContinuousClock.Instant  // when its build started: it shows every commit before
        let size: Int
    }

    private struct Build {
        let version: Int
        let startedAt: ContinuousClock.Instant
        let task: Task<Page, any Error>
    }

    private struct State {
        var highest = Int.min
        var entries: [Key: Entry] = [:]
        var builds: [Key: Build] = [:]
        var order: [Key] = []  // entries, the least recently made first
        var bytes = 0
        var serial = 0  // the last kept page's (`Page.serial`)
    }

    private enum Answer {
        case kept(Page)
        case wait(Task<Page, any Error>)
    }

    private let state = Mutex(State())
    private let budget: Int
    let versions: DataVersion
    /// Since when a page made at a version has been behind the data (`DataVersion.firstChange`).
    private let behindSince: @Sendable (Int) -> ContinuousClock.Instant?

    init(versions: DataVersion, budget: Int = 32 << 20, behindSince: (@Sendable (Int) -> ContinuousClock.Instant?)? = nil) {
        self.versions = versions
        self.budget = budget
        self.behindSince = behindSince ?? { [versions] in versions.firstChange(after: $0) }
    }

    /// The page for `key` as the data is now, as the rules above allow; `wrote` is the data
    /// version the reader's own last write made, if they wrote a moment ago.
    func page(_ key: Key, wrote: Int? = nil, make: @escaping @Sendable () async throws -> Page) async throws -> Page {
        let reading = try await versions.current(atLeast: wrote)
        return try await page(key, reading: reading, wrote: wrote ?? 0, now: .now, make: make)
    }

    func page(
        _ key: Key, reading: DataVersion.Reading, wrote: Int = 0, now: ContinuousClock.Instant,
        make: @escaping @Sendable () async throws -> Page
    ) async throws -> Page {
        let answer = state.withLock { state -> Answer in
            // A lower version than one seen means the database was restored: start afresh.
            if !reading.asked {
                if reading.version < state.highest { state = State(serial: state.serial) }  // serials never repeat
                state.highest = reading.version
            }
            if let kept = state.entries[key] {
                if kept.version >= reading.version { return .kept(kept.page) }
                let showable =
                    reading.live && kept.version >= reading.withheldFloor && kept.version >= wrote
                    && (behindSince(kept.version).map { now - $0 <= Self.staleBound } ?? false)
                if showable {
                    if state.builds[key] == nil, now - kept.madeAt >= Self.refreshEvery {
                        _ = startBuild(key, version: reading.version, now: now, in: &state, make)
                    }
                    return .kept(kept.page)
                }
            }
            if let running = state.builds[key],
                running.version >= reading.version
                    || (reading.live && running.version >= max(reading.withheldFloor, wrote) && now - running.startedAt <= Self.staleBound)
            {
                return .wait(running.task)
            }
            return .wait(startBuild(key, version: reading.version, now: now, in: &state, make))
        }
        switch answer {
        case .kept(let page): return page
        case .wait(let task): return try await task.value
        }
    }

    /// Starts a build whose result replaces the kept page once done (unless a newer one is kept).
    private func startBuild(
        _ key: Key, version: Int, now: ContinuousClock.Instant, in state: inout State, _ make: @escaping @Sendable () async throws -> Page
    ) -> Task<Page, any Error> {
        let task = Task { [self] in
            do {
                let page = try await make()
                finish(key, version: version, startedAt: now, page: page)
                return page
            } catch {
                self.state.withLock { state in
                    if state.builds[key]?.version == version, state.builds[key]?.startedAt == now { state.builds[key] = nil }
                }
                throw error
            }
        }
        state.builds[key] = Build(version: version, startedAt: now, task: task)
        return task
    }

    /// Keeps a finished page and drops the least recently made pages past the budget.
    private func finish(_ key: Key, version: Int, startedAt: ContinuousClock.Instant, page: Page) {
        state.withLock { state in
            if let running = state.builds[key], running.version == version, running.startedAt == startedAt { state.builds[key] = nil }
            if let kept = state.entries[key], kept.version > version || kept.madeAt > startedAt { return }
            drop(key, from: &state)
            state.serial += 1
            var page = page
            page.serial = state.serial
            let entry = Entry(page: page, version: version, madeAt: startedAt, size: page.content.rendered.utf8.count)
            state.entries[key] = entry
            state.order.append(key)
            state.bytes += entry.size
            while state.bytes > budget, let oldest = state.order.first, oldest != key {
                drop(oldest, from: &state)
            }
        }
    }

    private func drop(_ key: Key, from state: inout State) {
        guard let entry = state.entries.removeValue(forKey: key) else { return }
        state.bytes -= entry.size
        state.order.removeAll { $0 == key }
    }
}
