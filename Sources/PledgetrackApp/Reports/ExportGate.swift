import Synchronization

/// Lets at most `limit` heavy downloads be made at once; one that finds the gate full is told
/// at once to try again, rather than waiting. A download holds a database connection (and a
/// PDF a Chromium) while it is made and sent: without a limit, a few slow or hostile readers
/// could take every connection the pages need.
final class ExportGate: Sendable {
    private let limit: Int
    private let running = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// A place in the gate, given back when the ticket goes away: at the end of the handler, or
    /// for a streamed response when its body (which keeps the ticket) is done or dropped.
    final class Ticket: Sendable {
        private let gate: ExportGate
        fileprivate init(_ gate: ExportGate) { self.gate = gate }
        deinit { gate.running.withLock { $0 -= 1 } }
    }

    /// A ticket when there is room; nil when the gate is full.
    func enter() -> Ticket? {
        let entered = running.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
        return entered ? Ticket(self) : nil
    }
}
