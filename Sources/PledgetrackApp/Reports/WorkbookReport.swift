import Database
import Foundation

/// The Excel workbook of a report: a summary sheet (scope, "as of", headline figures), then
/// one sheet per table (pledges, milestones, history, feedback, and what changed when the
/// report has a start), all read in one snapshot. Blocking: runs in a pool job.
struct WorkbookReport {
    let scope: ReportScope
    /// "Progress report — Kenya": the brief's title.
    let title: String
    let description: [String]
    let t: Strings

    var tables: [ReportTable] {
        scope.request.since == nil ? [.pledges, .milestones, .history, .feedback] : [.changes, .pledges, .milestones, .history, .feedback]
    }

    func write(on connection: Connection) throws -> Data {
        let writer = try XLSXWriter()
        try connection.transaction { connection in
            try connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try summary(writer, on: connection)
            for table in tables {
                try writer.beginSheet(t[table.title], headings: table.columns.map { t[$0.heading] }, widths: table.columns.map(\.width))
                try connection.forEachBatch(table.sql(scope), batchSize: 2000, { row in try table.cells(row, t) }) { rows in
                    for cells in rows { try writer.row(cells) }
                }
            }
        }
        return try Data(contentsOf: try writer.finish())
    }

    /// Label and value rows: what the workbook covers, then the figures the dashboards show for it.
    private func summary(_ writer: XLSXWriter, on connection: Connection) throws {
        let f = scope.filter
        let total = try DashboardQueries.total(f, seesRestricted: scope.seesRestricted, at: scope.moment, on: connection)
        let headline = try DashboardQueries.headline(f, seesRestricted: scope.seesRestricted, at: scope.moment, on: connection)
        try writer.beginSheet(t[.reportSummarySheet], headings: [title, ""], widths: [36, 60])
        let day = scope.request.asOf ?? AppClock.today
        try writer.row([.text(t[.reportAsOf]), .date(day)])
        if let since = scope.request.since { try writer.row([.text(t[.reportSince]), .date(since)]) }
        for (index, line) in description.enumerated() {
            try writer.row([.text(index == 0 ? t[.briefScope] : ""), .text(line)])
        }
        try writer.row([.text(t[.reportAudience]), .text(scope.seesRestricted ? t[.dashIncludesRestricted] : t[.dashPublicOnly])])
        try writer.row([.text(t[.reportPrepared]), .time(Date())])
        try writer.row([])
        var figures: [(Strings.Key, Int)] = [(.dashPledges, total.pledges)]
        figures += PledgeStatus.allCases.map { ($0.label, total.count($0)) }
        figures += [
            (.dashEntities, headline.entities), (.dashCountries, headline.countries), (.dashMilestones, total.milestones),
            (.dashMilestonesDone, total.done), (.dashOverdueMilestones, total.overdue),
        ]
        for (label, value) in figures { try writer.row([.text(t[label]), .number(value)]) }
        // Shares in whole percent, rounded as everywhere else (`Share`); "—" where there is nothing to count.
        let share = { (percent: Int?) in percent.map(Cell.number) ?? .text(t[.shareNone]) }
        for status in Tally.statusOrder {
            try writer.row([.text(t.format(.reportShare, "what", t[status.label])), share(total.share(status))])
        }
        try writer.row([
            .text(t.format(.reportShare, "what", t[.dashMilestonesDone])), share(Share.percent(total.done, of: total.milestones)),
        ])
        for stage in Stage.allCases {
            let count = total.stages[stage] ?? Tally.StageCount()
            try writer.row([.text(t.format(.reportStageDone, "stage", t[stage.label])), .number(count.done)])
            try writer.row([.text(t.format(.reportStageTotal, "stage", t[stage.label])), .number(count.total)])
        }
    }
}
