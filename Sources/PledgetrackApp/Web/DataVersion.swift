import Database
import Synchronization

/// What this process knows of the data version (migrations 0008 and 0018): the sum of 32
/// counters that every writing transaction bumps as it commits.
///
/// While the listener is connected, the version is learnt from its notifications and reading
/// it costs nothing; until it connects, and whenever its connection drops, each reading asks
/// the database (one small query), as if nothing were known — slower, never wrong.
final class DataVersion: NotificationListener.Delegate, Sendable {
    static let channel = "data_version"

    /// The version to build pages from, and the lowest version a page may have been made at
    /// and still be shown while a newer one is made (`withheldFloor`, raised by every change
    /// that takes something out of a reader's view). `live` when it came from the listener.
    struct Reading: Sendable, Equatable {
        let version: Int
        let withheldFloor: Int
        let live: Bool
        /// Read from the database for a reader whose write the listener has not reported yet:
        /// newer than what the listener said, so it says nothing about a restore.
        var asked = false
    }

    private struct Known {
        var shards: [Int]
        var total: Int
        var withheldFloor: Int
        /// The versions learnt lately and when, oldest first (at most `remembered`).
        var changes: [(version: Int, at: ContinuousClock.Instant)] = []
    }

    /// Enough for the last 20 seconds at 50 writes a second; past that a page counts as long stale.
    static let remembered = 1_024

    private let known = Mutex<Known?>(nil)
    private let losses = Atomic<Int>(0)

    /// How many times the listener lost its connection (for the tests and the logs).
    var connectionsLost: Int { losses.load(ordering: .relaxed) }
    let pool: ConnectionPool

    init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// The version now: from the listener when it is connected, else from the database. A
    /// reader who just wrote passes the version their write produced (`atLeast`); when the
    /// listener has not heard of it yet, the database is asked.
    func current(atLeast needed: Int? = nil) async throws -> Reading {
        let kept = known.withLock { $0 }
        if let kept, kept.total >= needed ?? 0 {
            return Reading(version: kept.total, withheldFloor: kept.withheldFloor, live: true)
        }
        let version = try await Self.read(pool)
        guard let kept else { return Reading(version: version, withheldFloor: version, live: false) }
        return Reading(version: version, withheldFloor: kept.withheldFloor, live: true, asked: true)
    }

    /// When this process learnt of the first change that a page made at `version` does not
    /// show: how long the page has been behind the data. nil when it is not known (the change
    /// is older than those remembered, or the listener is down): then it counts as too long.
    func firstChange(after version: Int) -> ContinuousClock.Instant? {
        known.withLock { known in
            // The changes kept run without a gap from the first one; one made before it is not known.
            guard let changes = known?.changes, let first = changes.first, first.version <= version else { return nil }
            return changes.first { $0.version > version }?.at
        }
    }

    /// The version as the database has it now.
    static func read(_ pool: ConnectionPool) async throws -> Int {
        try await pool.withConnection { connection in
            try connection.queryValue("SELECT sum(version)::bigint FROM data_version", as: Int.self)
        }
    }

    // MARK: NotificationListener.Delegate

    func listenerReady(_ connection: Connection) throws {
        // Before migration 0018 no write notifies: listening would trust a version that never moves.
        guard try connection.queryValue("SELECT EXISTS (SELECT 1 FROM schema_migration WHERE version >= 18)", as: Bool.self) else {
            throw NotYetMigrated()
        }
        var shards = Array(repeating: 0, count: 32)
        for (shard, version) in try connection.query(
            "SELECT shard, version FROM data_version",
            { row in
                (try row.decode(0, as: Int.self), try row.decode(1, as: Int.self))
            }) where shards.indices.contains(shard)
        {
            shards[shard] = version
        }
        let total = shards.reduce(0, +)
        // Whatever changed while nobody listened may have withheld something.
        known.withLock { $0 = Known(shards: shards, total: total, withheldFloor: total, changes: [(total, .now)]) }
    }

    func listenerReceived(_ notifications: [Notification]) {
        known.withLock { known in
            guard var k = known else { return }
            var withheld = false
            for note in notifications where note.channel == Self.channel {
                let parts = note.payload.split(separator: " ")
                guard parts.count >= 2, let shard = Int(parts[0]), let version = Int(parts[1]), k.shards.indices.contains(shard) else {
                    continue
                }
                // One shard's notifications arrive in commit order; a lower number means the
                // database was restored, and nothing made before can be trusted.
                if version < k.shards[shard] { withheld = true }
                if version != k.shards[shard] {
                    k.total += version - k.shards[shard]
                    k.shards[shard] = version
                }
                if parts.count > 2, parts[2] == "withheld" { withheld = true }
            }
            if withheld { k.withheldFloor = k.total }
            if k.changes.last?.version != k.total {
                k.changes.append((k.total, .now))
                if k.changes.count > Self.remembered { k.changes.removeFirst(k.changes.count - Self.remembered) }
            }
            known = k
        }
    }

    struct NotYetMigrated: Error, CustomStringConvertible {
        var description: String { "the database has no notifying data version yet (migration 0018)" }
    }

    func listenerLost() {
        losses.add(1, ordering: .relaxed)
        known.withLock { $0 = nil }
    }
}
