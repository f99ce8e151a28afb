import Database

/// The counts of a person's worklist, one statement each. Every count is the count of a list
/// that exists (the pledge list, the feedback list, the entity list) under the same filter, so
/// the number on the worklist is the number of rows its link shows.
enum WorklistQueries {
    struct FocalPoint: Sendable, Equatable {
        var pledges = 0
        var overdue = 0
        var stale = 0
        var sentBack = 0
        var awaitingAnswer = 0
    }

    struct Secretariat: Sendable, Equatable {
        var waitingValidation = 0
        var stale = 0
        var overdue = 0
        /// Feedback the secretariat may read, by where its review stands (new, acknowledged…).
        var feedbackByReview: [Review: Int] = [:]
        var awaitingModeration = 0
        var entitiesWithoutFocalPoint = 0
    }

    struct Facilitator: Sendable, Equatable {
        var panels = 0
        var awaitingModeration = 0
    }

    /// The pledges of the reader's entities and what in them needs the reader, each count with
    /// its list's own filter. (One subquery each: the planner runs each EXISTS as a semi-join,
    /// where `count(*) FILTER (…)` would run it once a row.)
    static func focalPoint(_ reader: Int, on connection: Connection) throws -> FocalPoint {
        var mine = PledgeFilter()
        mine.mine = true
        func pledges(_ change: (inout PledgeFilter) -> Void) -> SQL {
            var filter = mine
            change(&filter)
            return "(SELECT count(*)::int FROM pledge p WHERE \(filter.conditions(seesRestricted: true, reader: reader)))"
        }
        var awaiting = FeedbackFilter()
        awaiting.awaitingAnswer = true
        return try connection.queryFirst(
            """
            SELECT \(pledges { _ in }), \(pledges { $0.overdue = true }), \(pledges { $0.stale = true }),
                   \(pledges { $0.validation = .sentBack }),
                   (SELECT count(*)::int FROM feedback_visible_to(\(reader)) f WHERE \(awaiting.conditions(reader: reader)))
            """
        ) { row in
            FocalPoint(
                pledges: try row.decode(0), overdue: try row.decode(1), stale: try row.decode(2), sentBack: try row.decode(3),
                awaitingAnswer: try row.decode(4))
        } ?? FocalPoint()
    }

    /// The secretariat's queue: what waits for it across every pledge and panel.
    static func secretariat(_ reader: Int, on connection: Connection) throws -> Secretariat {
        func pledges(_ change: (inout PledgeFilter) -> Void) -> SQL {
            var filter = PledgeFilter()
            change(&filter)
            return "(SELECT count(*)::int FROM pledge p WHERE \(filter.conditions(seesRestricted: true, reader: reader)))"
        }
        var queue =
            try connection.queryFirst(
                """
                SELECT \(pledges { $0.validation = .pending }), \(pledges { $0.stale = true }), \(pledges { $0.overdue = true }),
                       (SELECT count(*)::int FROM feedback_moderated_by(\(reader)) f WHERE f.moderation = 'pending' AND f.withdrawn_at IS NULL),
                       (SELECT count(*)::int FROM entity e WHERE \(EntityQueries.withoutFocalPoint))
                """
            ) { row in
                Secretariat(
                    waitingValidation: try row.decode(0), stale: try row.decode(1), overdue: try row.decode(2),
                    awaitingModeration: try row.decode(3), entitiesWithoutFocalPoint: try row.decode(4))
            } ?? Secretariat()
        let reviews = try connection.query(
            """
            SELECT f.review, count(*)::int FROM feedback_visible_to(\(reader)) f
            WHERE f.withdrawn_at IS NULL GROUP BY f.review
            """
        ) { row in (Review(rawValue: try row.decode(0, as: String.self)), try row.decode(1, as: Int.self)) }
        for case (let review?, let count) in reviews { queue.feedbackByReview[review] = count }
        return queue
    }

    static func facilitator(_ reader: Int, on connection: Connection) throws -> Facilitator {
        try connection.queryFirst(
            """
            SELECT (SELECT count(*)::int FROM panel WHERE facilitator_id = \(reader)),
                   (SELECT count(*)::int FROM feedback_moderated_by(\(reader)) f WHERE f.moderation = 'pending' AND f.withdrawn_at IS NULL)
            """
        ) { row in Facilitator(panels: try row.decode(0), awaitingModeration: try row.decode(1)) } ?? Facilitator()
    }

    /// The panel a member lands on: the one they joined first.
    static func memberPanel(_ reader: Int, on connection: Connection) throws -> Int? {
        try connection.queryFirst(
            "SELECT panel_id FROM panel_member WHERE user_id = \(reader) ORDER BY joined_at, panel_id LIMIT 1"
        ) { row in try row.decode(0, as: Int.self) }
    }

    static func entitiesWithoutFocalPoint(on connection: Connection) throws -> Int {
        try connection.queryValue("SELECT count(*)::int FROM entity e WHERE \(EntityQueries.withoutFocalPoint)", as: Int.self)
    }

    static func unreadSecurityNotices(_ reader: Int, on connection: Connection) throws -> Int {
        try connection.queryValue("SELECT count(*)::int FROM security_notice WHERE user_id = \(reader) AND seen_at IS NULL", as: Int.self)
    }
}
