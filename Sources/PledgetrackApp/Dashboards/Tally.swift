/// What the dashboards count for a set of pledges (all of them, or those of one country,
/// measure, target or action): pledges by status, and their milestones by stage.
///
/// The counting rule: a pledge counts once in each country, measure, target or action it
/// names. Shares of pledges are out of every pledge that matches, withdrawn ones included,
/// rounded as `Share` says.
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

    /// The statuses in the order pages and reports show them.
    static let statusOrder: [PledgeStatus] = [.fulfilled, .inProgress, .planning, .withdrawn]

    /// Each status's share of the pledges in whole percent, adding up to 100 (`Share.percents`);
    /// nil without pledges.
    var statusShares: [PledgeStatus: Int]? {
        Share.percents(Self.statusOrder.map(count)).map { Dictionary(uniqueKeysWithValues: zip(Self.statusOrder, $0)) }
    }

    /// One status's share of the pledges, as it reads beside the others; nil without pledges.
    func share(_ status: PledgeStatus) -> Int? { statusShares?[status] }
}
