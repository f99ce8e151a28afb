import Database
import Logging
import ServiceLifecycle

/// Keeps what the app records about people only as long as it is needed, once at start and
/// then every hour (every instance may run it; the statements are idempotent):
/// - failed sign-ins and wrong second-factor codes: 1 day (the limits look back 1 hour at most);
/// - sessions: deleted 30 days after they ended or expired;
/// - client addresses in the audit log: blanked after 90 days (the events stay);
/// - known-device tokens unused for 180 days, read security notices after 180 days.
/// At start it also encrypts any authenticator secret stored before `SECOND_FACTOR_KEY` existed.
struct RetentionService: Service {
    let pool: ConnectionPool
    let readiness: Readiness
    let key: SecondFactorKey
    let logger: Logger
    var interval: Duration = .seconds(3600)

    static let statements: [SQL] = [
        "DELETE FROM sign_in_failure WHERE at < now() - interval '1 day'",
        "DELETE FROM second_factor_failure WHERE at < now() - interval '1 day'",
        "DELETE FROM user_session WHERE COALESCE(ended_at, expires_at) < now() - interval '30 days'",
        "UPDATE audit_event SET client_address = NULL WHERE client_address IS NOT NULL AND at < now() - interval '90 days'",
        "DELETE FROM known_device WHERE last_used_at < now() - interval '180 days'",
        "DELETE FROM security_notice WHERE seen_at < now() - interval '180 days'",
    ]

    func run() async throws {
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        var sealed = false
        while !Task.isCancelled {
            if case .ready = readiness.current {
                do {
                    if !sealed {
                        let count = try await pool.withConnection { [key] connection in
                            try SecondFactor.sealPlainSecrets(key: key, on: connection)
                        }
                        if count > 0 { logger.notice("encrypted stored authenticator secrets", metadata: ["count": "\(count)"]) }
                        sealed = true
                    }
                    try await Self.apply(pool)
                } catch {
                    logger.warning("retention clean-up failed, will retry", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            } else {
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }

    static func apply(_ pool: ConnectionPool) async throws {
        try await pool.withConnection { connection in
            for statement in statements { _ = try connection.execute(statement) }
        }
    }
}
