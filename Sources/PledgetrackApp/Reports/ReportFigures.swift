import Database
import Foundation

/// Everything the meeting brief and the workbook's summary show, read in one snapshot with
/// the dashboards' own queries (so a report and a dashboard with the same filters agree), as
/// of the report's moment.
struct ReportFigures: Sendable {
    let total: Tally
    let headline: DashboardQueries.Headline
    let milestones: [Stage: [MilestoneStatus: Int]]
    let byMeasure: [String: Tally]
    let byCountry: [String: Tally]
    /// A report about one country: the other countries its pledges name, with how many pledges (by ISO3).
    let alsoInCountries: [String: Int]
    /// A report about one measure: the other measures its pledges name, with how many pledges.
    let alsoUnderMeasures: [String: Int]
    let overdue: [DashboardQueries.OverdueMilestone]
    /// What changed since the report's start (nil without one), at most `listLimit` rows.
    let changes: [[Cell]]?
    let changeCounts: [String: Int]
    let feedbackCounts: FeedbackQueries.Counts
    /// Feedback texts published with public consent: the only texts a brief shows.
    let publicFeedback: [FeedbackQueries.Item]
    /// The annex: the matching pledges, at most `listLimit` of them.
    let annex: [[Cell]]

    static let listLimit = 500

    static func load(_ scope: ReportScope, _ t: Strings, on connection: Connection) throws -> ReportFigures {
        let f = scope.filter
        let seen = scope.seesRestricted
        let at = scope.moment
        var changes: [[Cell]]?
        var changeCounts: [String: Int] = [:]
        if scope.request.since != nil {
            var rows: [[Cell]] = []
            try connection.forEachBatch(
                ReportQueries.changes(scope),
                { row in
                    (try row.decode(1, as: String.self), try ReportTable.changes.cells(row, t))
                }
            ) { batch in
                for (kind, cells) in batch {
                    changeCounts[kind, default: 0] += 1
                    if rows.count < listLimit { rows.append(cells) }
                }
            }
            changes = rows
        }
        var annex: [[Cell]] = []
        try connection.forEachBatch(ReportQueries.pledges(scope) + " LIMIT \(listLimit)", { row in try ReportTable.pledges.cells(row, t) })
        {
            annex += $0
        }
        func others(_ countries: Bool) throws -> [String: Int] {
            guard let sql = ReportQueries.otherKeys(scope, countries: countries) else { return [:] }
            return Dictionary(
                try connection.query(sql) { row in (try row.decode(0, as: String.self), try row.decode(1, as: Int.self)) },
                uniquingKeysWith: { a, _ in a })
        }
        return ReportFigures(
            total: try DashboardQueries.total(f, seesRestricted: seen, at: at, on: connection),
            headline: try DashboardQueries.headline(f, seesRestricted: seen, at: at, on: connection),
            milestones: try DashboardQueries.milestonesByStageAndStatus(f, seesRestricted: seen, at: at, on: connection),
            byMeasure: try DashboardQueries.breakdown(.measure, f, seesRestricted: seen, at: at, on: connection),
            byCountry: try DashboardQueries.breakdown(.country, f, seesRestricted: seen, at: at, on: connection),
            alsoInCountries: try others(true), alsoUnderMeasures: try others(false),
            overdue: try DashboardQueries.overdueMilestones(f, seesRestricted: seen, at: at, limit: 50, on: connection),
            changes: changes, changeCounts: changeCounts,
            feedbackCounts: try FeedbackQueries.counts(visibleTo: scope.reader, at: at, within: scope.feedbackInScope, on: connection),
            publicFeedback: try FeedbackQueries.publicItems(limit: 20, at: at, within: scope.feedbackInScope, on: connection),
            annex: annex)
    }
}
