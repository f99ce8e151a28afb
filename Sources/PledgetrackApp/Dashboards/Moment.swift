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
    var pledges: SQL { either("pledge") { "pledges_as_of(\($0))" } }

    /// Milestone-shaped rows (id, pledge_id, stage, status, due_date, completed_on, percent_complete, validation).
    var milestones: SQL { either("milestone") { "milestones_as_of(\($0))" } }

    /// The instant against which "stale" is read: now, or the end of the day.
    var instant: SQL { either("now()") { $0 } }

    /// Before this instant a pledge's last activity makes it stale: `PledgeFilter.staleDays`
    /// days before the start of the day read (today, or the past day), so a figure does not
    /// change during the day and agrees with the kept cells (migration 0017), which count
    /// stale against the day they were rolled to.
    var staleBefore: SQL { "(\(today))::timestamptz - make_interval(days => \(PledgeFilter.staleDays))" }

    /// The day against which "overdue" is read.
    var today: SQL {
        guard let day else { return "current_date" }
        return "\(day)::date"
    }

    /// `now` for the present, or `past` given the end of the day as a timestamp.
    private func either(_ now: SQL, _ past: (SQL) -> SQL) -> SQL {
        guard let day else { return now }
        return past("\(day.adding(days: 1))::timestamptz")
    }
}
