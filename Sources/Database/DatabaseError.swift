/// An error from PostgreSQL or from the way to it, with the SQLSTATE when the server sent one.
///
/// `kind` sorts the errors a caller reacts to; the message is the server's (or libpq's) and
/// never contains the bound values of the statement.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case uniqueViolation  // 23505
        case foreignKeyViolation  // 23503
        case checkViolation  // 23514
        case notNullViolation  // 23502
        case serializationFailure  // 40001
        case deadlockDetected  // 40P01
        case queryCanceled  // 57014: statement timeout or cancel request
        case connectionLost  // the server closed the connection, or it broke
        case connectionFailed  // no connection could be made
        case poolTimeout  // every pooled connection stayed busy too long
        case poolClosed  // the pool was shut down
        case decoding  // a column did not hold what the code expected
        case other  // any other SQLSTATE
    }

    public var kind: Kind
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var constraint: String?

    public init(
        kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil, constraint: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.constraint = constraint
    }

    /// Classifies a server error by its SQLSTATE.
    init(sqlState: String, message: String, detail: String?, constraint: String?) {
        let kind: Kind
        switch sqlState {
        case "23505": kind = .uniqueViolation
        case "23503": kind = .foreignKeyViolation
        case "23514": kind = .checkViolation
        case "23502": kind = .notNullViolation
        case "40001": kind = .serializationFailure
        case "40P01": kind = .deadlockDetected
        case "57014": kind = .queryCanceled
        // Class 08 (connection exception) and the administrator's shutdown codes of class 57.
        case _ where sqlState.hasPrefix("08"), "57P01", "57P02", "57P03": kind = .connectionLost
        default: kind = .other
        }
        self.init(kind: kind, sqlState: sqlState, message: message, detail: detail, constraint: constraint)
    }

    /// True when the database could not be reached at all: the caller should say
    /// "temporarily unavailable" rather than "something went wrong".
    public var isUnavailable: Bool {
        kind == .connectionLost || kind == .connectionFailed || kind == .poolTimeout || kind == .poolClosed
    }

    public var description: String {
        var text = "\(kind)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let constraint { text += " (constraint \(constraint))" }
        return text
    }
}
