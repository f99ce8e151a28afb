/// What the dashboards count for a set of pledges (all of them, or those of one country,
/// measure, target or action): pledges by status, and their milestones by stage.
///
/// The counting rule: a pledge counts once in each country, measure, target or action it
/// names. Shares of pledges are out of every pledge that matches, withdrawn ones included.
/// Milestone figures leave out dropped milestones and the milestones of withdrawn pledges.
struct Tally: Sendable, Equatable {
    struct StageCount: Sendable, Equatable {
        var total = 0
        var done = 0
    }

    var pledges = 0
    var byStatus: [PledgeStatus: Int] = [:]
    /// Pledges still open with no change for `PledgeFilter.staleDays` days.
    var stale = 0
    /// Pledges with at least one overdue milestone.
    var withOverdue = 0
    var milestones = 0
    var done = 0
    var overdue = 0
    var stages: [Stage: StageCount] = [:]

    func count(_ status: PledgeStatus) -> Int { byStatus[status] ?? 0 }

    /// Done milestones out of all counted ones, 0...1; nil without milestones.
    var progress: Double? { milestones > 0 ? Double(done) / Double(milestones) : nil }

    /// Whole percent, rounded down, so 99.6 % never reads as done.
    static func percent(_ part: Int, of whole: Int) -> Int {
        whole > 0 ? part * 100 / whole : 0
    }
}
