import Markup
import NIOCore
import Synchronization

/// Lets a bounded number of heavy downloads be made at once; one that finds no room is told
/// at once to try again, rather than waiting. A download holds a database connection (and a
/// PDF a Chromium) while it is made and sent: without limits, a few slow or hostile readers
/// could take every connection the pages need, or every place in the gate.
///
/// Places are shared out so that visitors cannot starve staff: `staffReserved` of the `limit`
/// places are only for signed-in people, and each client (a visitor's address, or an account)
/// holds at most `perClient` (visitors) or `perAccount` (staff) places at once.
final class ExportGate: Sendable {
    struct Limits: Sendable {
        var limit: Int
        var staffReserved: Int
        var perClient = 1
        var perAccount = 2
    }

    /// Who asks: a visitor by address, or a signed-in account.
    enum Client: Hashable, Sendable {
        case visitor(address: String)
        case account(id: Int)

        var isSignedIn: Bool { if case .account = self { true } else { false } }
    }

    private struct State {
        var running = 0
        var visitors = 0
        var byClient: [Client: Int] = [:]
    }

    let limits: Limits
    private let state = Mutex(State())

    init(_ limits: Limits) {
        self.limits = limits
    }

    /// A place in the gate, given back when the ticket goes away: at the end of the handler, or
    /// for a streamed response when its body (which keeps the ticket) is done or dropped.
    final class Ticket: Sendable {
        private let gate: ExportGate
        private let client: ExportGate.Client
        fileprivate init(_ gate: ExportGate, _ client: ExportGate.Client) {
            self.gate = gate
            self.client = client
        }
        deinit { gate.leave(client) }
    }

    /// A ticket when there is room for this client; nil otherwise.
    func enter(_ client: Client) -> Ticket? {
        let entered = state.withLock { state -> Bool in
            let mine = state.byClient[client, default: 0]
            if client.isSignedIn {
                guard state.running < limits.limit, mine < limits.perAccount else { return false }
            } else {
                guard state.visitors < limits.limit - limits.staffReserved, mine < limits.perClient else { return false }
                state.visitors += 1
            }
            state.running += 1
            state.byClient[client] = mine + 1
            return true
        }
        return entered ? Ticket(self, client) : nil
    }

    private func leave(_ client: Client) {
        state.withLock { state in
            state.running -= 1
            if !client.isSignedIn { state.visitors -= 1 }
            let left = state.byClient[client, default: 1] - 1
            state.byClient[client] = left > 0 ? left : nil
        }
    }
}

/// The public meeting brief (page and PDF) as visitors get it: the same for every visitor
/// with the same filters, language and day, so it is built once per data version and kept
/// until the data changes. Visitors who ask for it at the same time share one build: a loop of
/// anonymous PDF requests prints once, not once per request.
final class PublicBriefCache: Sendable {
    struct Key: Hashable, Sendable {
        let query: String
        let format: String
        let language: String
        let day: String
    }

    private struct State {
        var version = -1
        var files: [Key: Task<ByteBuffer, any Error>] = [:]
        var order: [Key] = []
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The file for `key` at this data `version`, made by `make` unless it is made or being made.
    func file(_ key: Key, version: Int, make: @escaping @Sendable () async throws -> ByteBuffer) async throws -> ByteBuffer {
        let task = state.withLock { state -> Task<ByteBuffer, any Error> in
            if version != state.version { state = State(version: version) }
            if let known = state.files[key] { return known }
            let task = Task { try await make() }
            state.files[key] = task
            state.order.append(key)
            if state.order.count > capacity { state.files[state.order.removeFirst()] = nil }
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failed build (busy, engine failure) is not kept: the next visitor tries again.
            state.withLock { state in
                if state.version == version, state.files[key] == task { state.files[key] = nil; state.order.removeAll { $0 == key } }
            }
            throw error
        }
    }
}
