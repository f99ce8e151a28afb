import Database

/// When figures are read: now, from the columns the triggers keep on `pledge` (fast, what the
/// dashboards show), or as the data stood at the end of a past day, recomputed from the state
/// history (`pledges_as_of`, `milestones_as_of`, migration 0011) for reports.
struct Moment: Sendable, Hashable {
    /// The day whose end is meant (UTC, the database session's time zone); nil for now.
    let day: CalendarDate?

    static let now = Moment(day: nil)

    static func endOf(_ day: CalendarDate) -> Moment { Moment(day: day) }

    /// Pledge-shaped rows, with the columns the dashboards read, to use as `p`.
    var pledges: SQL {
        guard let day else { return "pledge" }
        return "pledges_as_of(\(day.adding(days: 1))::timestamptz)"
    }

    /// Milestone-shaped rows (id, pledge_id, stage, status, due_date, completed_on, percent_complete, validation).
    var milestones: SQL {
        guard let day else { return "milestone" }
        return "milestones_as_of(\(day.adding(days: 1))::timestamptz)"
    }

    /// The day against which "overdue" is read.
    var today: SQL {
        guard let day else { return "current_date" }
        return "\(day)::date"
    }

    /// The instant against which "stale" is read.
    var instant: SQL {
        guard let day else { return "now()" }
        return "\(day.adding(days: 1))::timestamptz"
    }
}
