import CLibPQ
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// One message a `NOTIFY` (or `pg_notify`) sent on a channel this process listens to.
public struct Notification: Sendable, Equatable {
    public let channel: String
    public let payload: String
}

extension Connection {
    /// Waits up to `timeout` for notifications on this connection and returns those that
    /// arrived (none after a timeout). Throws when the connection is lost. Blocks: call it on
    /// the listener's own thread, never on an event loop.
    func notifications(waiting timeout: Duration) throws -> [Notification] {
        var received = drainNotifications()
        guard received.isEmpty else { return received }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        guard descriptor.fd >= 0 else { throw DatabaseError(kind: .connectionLost, message: "the listening connection has no socket") }
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready >= 0 || errno == EINTR else { throw DatabaseError(kind: .connectionLost, message: String(cString: strerror(errno))) }
        guard ready > 0 else { return [] }
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
            throw DatabaseError(kind: .connectionLost, message: PQerrorMessage(handle).map { String(cString: $0) } ?? "connection lost")
        }
        received = drainNotifications()
        return received
    }

    private func drainNotifications() -> [Notification] {
        var received: [Notification] = []
        while let note = PQnotifies(handle) {
            received.append(Notification(channel: String(cString: note.pointee.relname), payload: String(cString: note.pointee.extra)))
            PQfreemem(note)
        }
        return received
    }
}

/// Listens to PostgreSQL channels on a connection of its own, on a thread of its own (libpq
/// blocks), and hands every notification to `delegate` as it arrives: within milliseconds of
/// the notifying transaction's commit. When the connection drops it tells the delegate
/// (`listenerLost`), which must then stop trusting what it learnt, and reconnects with a
/// growing pause; after each (re)connection `listenerReady` runs on the new connection, after
/// `LISTEN`, so the delegate can read the current state without missing a change made meanwhile.
///
/// A quiet connection is checked every `heartbeat` with an empty query, so a server that went
/// away without closing the socket is noticed within about that time (libpq's TCP keepalives
/// and `tcp_user_timeout` bound the check itself).
public final class NotificationListener: Service, Sendable {
    public protocol Delegate: Sendable {
        /// Runs on the listener's thread on each new connection, after `LISTEN`.
        func listenerReady(_ connection: Connection) throws
        func listenerReceived(_ notifications: [Notification])
        func listenerLost()
    }

    private let configuration: DatabaseConfiguration
    private let channels: [String]
    private let delegate: any Delegate
    private let logger: Logger
    private let heartbeat: Duration
    private let stopping = Atomic<Bool>(false)

    public init(
        configuration: DatabaseConfiguration, channels: [String], delegate: any Delegate, heartbeat: Duration = .seconds(5),
        logger: Logger
    ) {
        var configuration = configuration
        configuration.applicationName += " (listener)"
        // A server gone without closing the socket fails the heartbeat within 10 s.
        configuration.extraParameters += [
            ("keepalives_idle", "10"), ("keepalives_interval", "5"), ("keepalives_count", "2"), ("tcp_user_timeout", "10000"),
        ]
        self.configuration = configuration
        self.channels = channels
        self.delegate = delegate
        self.heartbeat = heartbeat
        self.logger = logger
    }

    /// Listens until graceful shutdown (a swift-service-lifecycle service).
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
                let thread = Thread { [self] in
                    listen()
                    finished.resume()
                }
                thread.name = "pledgetrack-listener"
                thread.start()
            }
        } onGracefulShutdown: {
            self.stop()
        }
    }

    /// Asks the thread to finish (it notices within a quarter of a second).
    public func stop() {
        stopping.store(true, ordering: .relaxed)
    }

    private var stopped: Bool { stopping.load(ordering: .relaxed) }

    private func listen() {
        var pause = Duration.milliseconds(100)
        while !stopped {
            do {
                let connection = try Connection(configuration: configuration, logger: logger)
                for channel in channels {
                    try connection.run("LISTEN \"\(channel.replacingOccurrences(of: "\"", with: "\"\""))\"")
                }
                try delegate.listenerReady(connection)
                logger.debug("listening", metadata: ["channels": "\(channels)"])
                pause = .milliseconds(100)
                try serve(connection)
            } catch {
                logger.warning("notification listener lost its connection; reconnecting", metadata: ["error": "\(error)"])
            }
            delegate.listenerLost()
            var waited = Duration.zero
            while !stopped, waited < pause {
                Thread.sleep(forTimeInterval: 0.05)
                waited += .milliseconds(50)
            }
            pause = min(pause * 2, .seconds(5))
        }
    }

    /// Hands over notifications until the connection fails (throws) or the listener stops.
    private func serve(_ connection: Connection) throws {
        var quiet = Duration.zero
        let slice = Duration.milliseconds(250)
        while !stopped {
            let received = try connection.notifications(waiting: slice)
            if received.isEmpty {
                quiet += slice
                if quiet >= heartbeat {
                    try connection.run("")
                    quiet = .zero
                }
            } else {
                quiet = .zero
                delegate.listenerReceived(received)
            }
        }
    }
}
