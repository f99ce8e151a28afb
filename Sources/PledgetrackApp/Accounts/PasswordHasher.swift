import HummingbirdBcrypt
import NIOPosix

/// bcrypt at cost 12 on threads of its own: a hash takes a quarter of a second of CPU, which
/// must never stall an event loop or the cooperative pool.
public final class PasswordHasher: Sendable {
    public static let cost: UInt8 = 12
    private let threads: NIOThreadPool
    /// Verified against when the e-mail is unknown, so that answer takes as long as a wrong password.
    private let decoy: String

    public init(threads count: Int = 2) {
        threads = NIOThreadPool(numberOfThreads: count)
        threads.start()
        decoy = Bcrypt.hash("not a real password, only a decoy", cost: Self.cost)
    }

    public func hash(_ password: String) async throws -> String {
        try await threads.runIfActive { Bcrypt.hash(password, cost: Self.cost) }
    }

    /// Checks a password against a stored hash; with no hash, checks the decoy and says no.
    public func verify(_ password: String, against hash: String?) async throws -> Bool {
        let decoy = self.decoy
        return try await threads.runIfActive {
            guard let hash else {
                _ = Bcrypt.verify(password, hash: decoy)
                return false
            }
            return Bcrypt.verify(password, hash: hash)
        }
    }

    public func shutdown() async throws {
        try await threads.shutdownGracefully()
    }
}
