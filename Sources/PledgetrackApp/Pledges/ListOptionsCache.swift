import Database
import Synchronization

/// The pledge list's filter choices (countries with pledges, regions, entities), kept for a
/// minute: they change seldom, and reading them on every request cost more than the list.
/// Per instance and safe to lose; a new entity shows up in the choices within a minute.
final class ListOptionsCache: Sendable {
    private let cached = Mutex<(options: PledgeListPage.Options, at: ContinuousClock.Instant)?>(nil)
    private let lifetime: Duration

    init(lifetime: Duration = .seconds(60)) {
        self.lifetime = lifetime
    }

    func get(_ db: ConnectionPool) async throws -> PledgeListPage.Options {
        let now = ContinuousClock.now
        if let entry = cached.withLock({ $0 }), now - entry.at < lifetime { return entry.options }
        let options = try await db.withConnection { db in try PledgeListPage.Options.load(on: db) }
        cached.withLock { $0 = (options, now) }
        return options
    }
}
