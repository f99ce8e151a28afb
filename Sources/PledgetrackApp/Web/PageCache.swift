import Database
import Markup
import Synchronization

/// Rendered pages that show pledge data to many readers (home, dashboards, the pledge list),
/// kept until the data they show changes. Only for pages with nothing personal in them: their
/// key must name everything the content depends on (audience, language, the reader's rights).
///
/// Every request reads `data_version` (one tiny query); triggers bump it in the same
/// transaction as any write these pages read (migration 0008), so a page made before a write
/// is never served after the write commits, in this process or any other. Pages also carry
/// the day in their key (overdue and stale depend on it). Requests that miss the same page at
/// the same time share one build. The cache holds at most `budget` bytes of pages and drops
/// the oldest first; losing it costs only time.
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

    private struct State {
        var version: Int = -1
        var pages: [Key: Task<Page, any Error>] = [:]
        var sizes: [Key: Int] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    private let budget: Int

    init(budget: Int = 32 << 20) {
        self.budget = budget
    }

    /// The current data version, as the database has it now.
    static func version(_ pool: ConnectionPool) async throws -> Int {
        try await pool.withConnection { connection in
            try connection.queryValue("SELECT sum(version)::bigint FROM data_version", as: Int.self)
        }
    }

    /// The page for `key` as the data is now: read the version, then as `page(_:version:make:)`.
    func page(_ key: Key, from pool: ConnectionPool, make: @escaping @Sendable () async throws -> Page) async throws -> Page {
        try await page(key, version: try await Self.version(pool), make: make)
    }

    /// The page for `key` at `version`, built by `make` unless a build for it exists.
    func page(_ key: Key, version: Int, make: @escaping @Sendable () async throws -> Page) async throws -> Page {
        let task = state.withLock { state -> Task<Page, any Error> in
            // Any other version starts afresh: newer after a write; older only after the
            // database was restored, when the pages kept would be from data that is gone.
            if version != state.version { state = State(version: version) }
            if let known = state.pages[key] { return known }
            let task = Task { try await make() }
            state.pages[key] = task
            state.order.append(key)
            return task
        }
        do {
            let page = try await task.value
            record(key, task, size: page.content.rendered.utf8.count)
            return page
        } catch {
            state.withLock { state in
                if state.pages[key].map({ $0 == task }) == true { drop(key, from: &state) }
            }
            throw error
        }
    }

    /// Counts a finished page's size and drops the oldest pages past the budget.
    private func record(_ key: Key, _ task: Task<Page, any Error>, size: Int) {
        state.withLock { state in
            guard state.pages[key] == task, state.sizes[key] == nil else { return }
            state.sizes[key] = size
            state.bytes += size
            while state.bytes > budget, let oldest = state.order.first, oldest != key {
                drop(oldest, from: &state)
            }
        }
    }

    private func drop(_ key: Key, from state: inout State) {
        state.pages[key] = nil
        state.bytes -= state.sizes.removeValue(forKey: key) ?? 0
        state.order.removeAll { $0 == key }
    }

}
