import Database

/// Who did what to what, from which request. Written in the same transaction as the change
/// it describes, so the log and the data never disagree. Never passwords, tokens or
/// survivor text in `detail`; no client address for a survivor's own actions.
public struct AuditEvent: Sendable {
    public var action: String
    public var actorID: Int?
    public var targetType: String?
    public var targetID: String?
    public var detail: [String: String]

    public init(_ action: String, actorID: Int?, targetType: String? = nil, targetID: String? = nil, detail: [String: String] = [:]) {
        self.action = action
        self.actorID = actorID
        self.targetType = targetType
        self.targetID = targetID
        self.detail = detail
    }
}

/// Where a request came from, for the audit log.
public struct RequestOrigin: Sendable {
    public let requestID: String
    public let clientAddress: String
}

enum Audit {
    static func record(_ event: AuditEvent, _ origin: RequestOrigin, on connection: Connection) throws {
        try connection.execute(insert(event, origin))
    }

    /// The audit's `INSERT`, once, or once for each row of `source` (a CTE of a larger statement).
    static func insert(_ event: AuditEvent, _ origin: RequestOrigin, for source: SQL? = nil) -> SQL {
        """
        INSERT INTO audit_event (actor_id, action, target_type, target_id, request_id, client_address, detail)
        SELECT \(event.actorID), \(event.action), \(event.targetType), \(event.targetID), \(origin.requestID),
               CASE WHEN EXISTS (SELECT 1 FROM app_user WHERE id = \(event.actorID) AND survivor) THEN NULL ELSE \(origin.clientAddress) END,
               \(PostgresJSON(event.detail))::jsonb
        \(source.map { "FROM \($0)" as SQL } ?? "")
        """
    }
}
