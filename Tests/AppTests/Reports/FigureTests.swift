import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import PledgetrackApp

/// The figures of meeting material: percentages rounded by one rule (`Share`), a report about
/// one country equal to that country's dashboard, and tables whose rows add up to their total.
@Suite("Figures")
struct FigureTests {
    let t = Strings(.english)

    @Test("percentages are rounded, not truncated; shares of a whole add up to 100; nothing to count reads —")
    func rounding() {
        // Truncation gives 16, 66, 12, 37 and 0: each of these fails with it.
        #expect(Share.percent(1, of: 6) == 17)
        #expect(Share.percent(2, of: 3) == 67)
        #expect(Share.percent(4, of: 6) == 67)
        #expect(Share.percent(1, of: 3) == 33)
        // Half-way cases go up.
        #expect(Share.percent(1, of: 8) == 13)
        #expect(Share.percent(3, of: 8) == 38)
        #expect(Share.percent(1, of: 2) == 50)
        #expect(Share.percent(1, of: 200) == 1)
        // All is 100 % and none is 0 %, and nothing else reads so.
        #expect(Share.percent(5, of: 5) == 100)
        #expect(Share.percent(0, of: 5) == 0)
        #expect(Share.percent(199, of: 200) == 99)
        #expect(Share.percent(999, of: 1000) == 99)
        #expect(Share.percent(1, of: 1000) == 1)
        #expect(Share.percent(0, of: 0) == nil)

        // Shares of a whole: the largest remainder method.
        #expect(Share.percents([1, 1, 1]) == [34, 33, 33])
        #expect(Share.percents([1, 1, 0, 1]) == [34, 33, 0, 33])
        #expect(Share.percents([2, 1]) == [67, 33])
        #expect(Share.percents([1, 5]) == [17, 83])
        #expect(Share.percents([1, 1, 1, 1, 1, 1, 1]) == [15, 15, 14, 14, 14, 14, 14])
        #expect(Share.percents([0, 0, 0]) == nil)
        #expect(Share.percents([3]) == [100])
        // Every split of up to 12 into four parts adds up to 100, and no part is more than one
        // point away from its exact share.
        for a in 0...12 {
            for b in 0...(12 - a) {
                for c in 0...(12 - a - b) {
                    let parts = [a, b, c, 12 - a - b - c]
                    let shares = try! #require(Share.percents(parts))
                    #expect(shares.reduce(0, +) == 100, "\(parts)")
                    for (part, share) in zip(parts, shares) {
                        #expect(abs(Double(share) - Double(part) * 100 / 12) < 1, "\(parts)")
                    }
                }
            }
        }

        // In words.
        #expect(Share.text(1, of: 6, t) == "17 %")
        #expect(Share.text(0, of: 0, t) == "—")
        #expect(Share.doneOf(1, of: 6, t) == "1 of 6 (17 %)")
        #expect(Share.doneOf(2, of: 3, t) == "2 of 3 (67 %)")
        #expect(Share.doneOf(0, of: 0, t) == "—")
    }

    @Test("1 of 6 milestones done reads 17 % on the pages, in the brief, the workbook and CSV; none reads —")
    func roundingEverywhere() async throws {
        try await AppHarness.withApp { client, services in
            let owner = try await People.entity(services.pool, "Six steps network")
            let pledge = try await Pledges.make(services.pool, owner: owner, title: "Six steps", countries: ["GHA"], measures: [7])
            try await Pledges.milestone(services.pool, pledge: pledge, stage: .commitment, status: .done)
            // One implementation milestone under way: the pledge is in progress.
            try await Pledges.milestone(services.pool, pledge: pledge, stage: .implementation, status: .onTrack, due: "2999-01-01")
            for _ in 1...4 { try await Pledges.milestone(services.pool, pledge: pledge, stage: .implementation, status: .notStarted) }
            // A pledge without milestones yet, planning.
            _ = try await Pledges.make(services.pool, owner: owner, title: "No steps yet", countries: ["TGO"], measures: [8])

            let home = try await DashboardTests.get(client, "/")
            #expect(HTMLTable.definition("Milestones done", in: home) == "17 %")
            let states = try await DashboardTests.get(client, "/dashboards/states")
            #expect(HTMLTable.row("Ghana", in: states) == ["Ghana", "Sub-Saharan Africa", "1", "0", "1", "0", "0", "1 of 6 (17 %)", "0"])
            #expect(HTMLTable.row("Togo", in: states)?[7] == "—", "no milestones: no share, not 0 of 0 (0 %)")
            #expect(!states.contains("0 of 0"))
            let ghana = try await DashboardTests.get(client, "/dashboards/states/GHA")
            #expect(HTMLTable.definition("Milestones done", in: ghana) == "17 %")
            #expect(HTMLTable.row("Implementation", in: ghana) == ["Implementation", "0", "5", "0 %"])
            let togo = try await DashboardTests.get(client, "/dashboards/states/TGO")
            #expect(HTMLTable.definition("Milestones done", in: togo) == "—")
            #expect(HTMLTable.row("Commitment", in: togo) == ["Commitment", "0", "0", "—"])

            let brief = try await ReportTests.download(client, "format=brief").text
            #expect(HTMLTable.definition("Milestones done", in: brief) == "1 of 6 (17 %)")
            #expect(HTMLTable.row("Ghana", in: brief)?[6] == "1 of 6 (17 %)")
            #expect(HTMLTable.row("Togo", in: brief)?[6] == "—")
            // Two pledges, one planning and one in progress: 50 and 50.
            #expect(HTMLTable.row("Planning", in: brief) == ["Planning", "1", "50 %"])

            let csv = try await ReportTests.csv(client, "format=pledges.csv")
            let column = try #require(csv.first?.firstIndex(of: "Milestones done (%)"))
            #expect(csv.dropFirst().map { $0[column] } == ["17", ""])

            let summary = try ReportTests.workbook(try await ReportTests.download(client, "format=xlsx"))["xl/worksheets/sheet1.xml"] ?? ""
            #expect(
                summary.range(
                    of: "<t xml:space=\"preserve\">Milestones done: share \\(%\\)</t></is></c><c r=\"B[0-9]+\"><v>17</v>",
                    options: .regularExpression) != nil)
        }
    }

    @Test("a one-country brief is titled with it and its figures are that country's dashboard; other countries stay out")
    func oneCountryBrief() async throws {
        try await AppHarness.withApp { client, services in
            // P1 is in Kenya and Uganda; P2 Kenya only; P3 (restricted) Kenya; P4 (withdrawn) Uganda.
            _ = try await DashboardTests.Fixture.make(services.pool)
            let staff = try await People.signIn(
                services.pool, try await People.make(services.pool, "sec@example.org", roles: [.secretariat]))
            for browser in [nil, staff] {
                for (iso3, name, other) in [("KEN", "Kenya", "Uganda"), ("UGA", "Uganda", "Kenya")] {
                    let label = "\(name), \(browser.map { _ in "staff" } ?? "public")"
                    let dashboard = try await DashboardTests.get(client, "/dashboards/states/\(iso3)", as: browser)
                    let response = try await ReportTests.download(client, "format=brief&country=\(iso3)", as: browser)
                    #expect(response.status == .ok)
                    let brief = response.text
                    #expect(brief.contains("<h1>Progress report — <bdi>\(name)</bdi></h1>"), "\(label)")
                    #expect(brief.contains("<title>Progress report — \(name) · "), "\(label)")
                    // The same figures as the country's dashboard: pledges, statuses, stages.
                    #expect(HTMLTable.definition("Pledges", in: brief) == HTMLTable.definition("Pledges", in: dashboard), "\(label)")
                    for row in ["Fulfilled", "In progress", "Planning", "Withdrawn", "Total", "Commitment", "Implementation", "Evaluation"]
                    {
                        #expect(HTMLTable.row(row, in: brief) != nil, "\(label): \(row)")
                        #expect(HTMLTable.row(row, in: brief) == HTMLTable.row(row, in: dashboard), "\(label): \(row)")
                    }
                    // The country's row in the brief is its row on the By State dashboard (less the sub-region).
                    let states = try await DashboardTests.get(client, "/dashboards/states", as: browser)
                    var stateRow = try #require(HTMLTable.row(name, in: states))
                    stateRow.remove(at: 1)
                    #expect(HTMLTable.row(name, in: brief) == stateRow, "\(label)")
                    // The other country of P1 is named, not counted: no row, not among the countries.
                    #expect(HTMLTable.row(other, in: brief) == nil, "\(label): \(other) has no row")
                    #expect(HTMLTable.definition("Countries with pledges", in: brief) == "1", "\(label)")
                    #expect(
                        brief.contains("Also in (other countries these pledges name, not counted here): <bdi>\(other)</bdi> (1)."),
                        "\(label)")
                }
            }
            // Public Kenya by hand: P1 and P2, 1 fulfilled and 1 in progress, 4 of 6 milestones done.
            let kenya = try await ReportTests.download(client, "format=brief&country=KEN").text
            #expect(HTMLTable.row("Kenya", in: kenya) == ["Kenya", "2", "1", "1", "0", "0", "4 of 6 (67 %)", "1"])
            #expect(HTMLTable.row("Fulfilled", in: kenya) == ["Fulfilled", "1", "50 %"])
            #expect(kenya.contains("This report is about <bdi>Kenya</bdi>"))

            // One measure: measure 3 has P1 and P2; P1 also names measure 18, which has no row.
            let measure = try await ReportTests.download(client, "format=brief&measure=3").text
            let dashboard = try await DashboardTests.get(client, "/dashboards/measures/3")
            #expect(measure.contains("<h1>Progress report — <bdi>Measure 3</bdi></h1>"))
            #expect(HTMLTable.row("Total", in: measure) == HTMLTable.row("Total", in: dashboard))
            #expect(HTMLTable.row("3. ", in: measure)?[1] == "2")
            #expect(HTMLTable.row("18. ", in: measure) == nil)
            #expect(HTMLTable.row("5. ", in: measure) == nil)
            #expect(measure.contains("Also under (other measures these pledges name, not counted here): Measure 18 (1)."))
            // Its table by country is every country of its pledges, each counted once per pledge.
            #expect(HTMLTable.row("Kenya", in: measure)?[1] == "2")
            #expect(HTMLTable.row("Uganda", in: measure)?[1] == "1")

            // The running header of the PDF carries the title, the day and the filters, escaped for CSS.
            let page = BriefPage(
                request: ReportRequest(), title: "Progress report — Côte d’Ivoire", subject: "Côte d’Ivoire",
                scopeDescription: ["Entity: \"Quote\"; } body { x"],
                figures: try await services.pool.withConnection { connection in
                    try ReportFigures.load(ReportScope(request: ReportRequest(), reader: nil, seesRestricted: false), t, on: connection)
                }, reference: try await services.reference.get(services.pool), seesRestricted: false, preparedAt: Date(),
                today: CalendarDate(year: 2026, month: 12, day: 1)!)
            let style = page.runningStyle(t)
            // The subject is isolated (U+2068 … U+2069), so a name of either direction keeps its place.
            #expect(style.contains("Progress report \\002014  \\002068 Côte d\\002019 Ivoire\\002069  \\0000b7  as of 1 December 2026"))
            #expect(!style.contains("\"Quote\""), "a quote in a name cannot end the CSS string")
            #expect(style.contains("Entity\\00003a  \\000022 Quote\\000022 \\00003b  \\00007d  body \\00007b  x"))
        }
    }

    @Test("every table's rows add up to its total, in the brief and the dashboards")
    func rowsAddUp() async throws {
        try await AppHarness.withApp { client, services in
            _ = try await DashboardTests.Fixture.make(services.pool)
            let staff = try await People.signIn(
                services.pool, try await People.make(services.pool, "sec@example.org", roles: [.secretariat]))
            // Each page, who reads it, and whether it shows the charts of statuses and stages.
            let pages: [(String, People.Browser?, Bool)] = [
                ("/reports/download?format=brief", nil, true), ("/reports/download?format=brief", staff, true),
                ("/reports/download?format=brief&country=KEN", nil, true), ("/reports/download?format=brief&measure=18", staff, true),
                ("/dashboards", nil, true), ("/dashboards", staff, true), ("/dashboards/states", nil, false),
                ("/dashboards/states/UGA", nil, true), ("/dashboards/measures/18", staff, true), ("/dashboards/sdgs", nil, false),
                ("/dashboards/gcm", nil, false),
            ]
            for (path, browser, charts) in pages {
                let response = try await client.execute(uri: path, method: .get, headers: browser?.headers ?? [:])
                #expect(response.status == .ok, "\(path)")
                let html = response.text
                // Every breakdown row: its pledges are its fulfilled, in progress, planning and withdrawn ones.
                let rows = Self.tallyRows(html)
                for row in rows { #expect(row[0] == row[1] + row[2] + row[3] + row[4], "\(path): \(row)") }
                #expect(!rows.isEmpty || path == "/dashboards", "\(path): breakdown rows found")
                guard charts else { continue }
                // Pledges by status: the counts add up to the total, the shares to 100 %.
                let statuses = ["Fulfilled", "In progress", "Planning", "Withdrawn"].compactMap { HTMLTable.row($0, in: html) }
                #expect(statuses.count == 4, "\(path)")
                let total = try #require(HTMLTable.row("Total", in: html), "\(path)")
                #expect(statuses.map { Int($0[1])! }.reduce(0, +) == Int(total[1]), "\(path)")
                #expect(statuses.map { Int($0[2].dropLast(2))! }.reduce(0, +) == 100, "\(path)")
                // Milestones by stage: done and all add up to the total row.
                let stages = ["Commitment", "Implementation", "Evaluation"].compactMap { HTMLTable.row($0, in: html) }
                let stageTotal = try #require(
                    html.split(separator: "<tfoot>").dropFirst().compactMap { HTMLTable.row("Total", in: "<tfoot>" + String($0)) }.last,
                    "\(path)")
                #expect(stages.count == 3, "\(path)")
                #expect(stages.map { Int($0[1])! }.reduce(0, +) == Int(stageTotal[1]), "\(path)")
                #expect(stages.map { Int($0[2])! }.reduce(0, +) == Int(stageTotal[2]), "\(path)")
            }
            // Uganda's withdrawn pledge is counted in its row, so the row adds up: 2 = 0 + 1 + 0 + 1.
            let states = try await DashboardTests.get(client, "/dashboards/states")
            #expect(HTMLTable.row("Uganda", in: states)?[2...6] == ["2", "0", "1", "0", "1"])
        }
    }

    /// The pledge and status columns of every breakdown row (a heading, then pledges, fulfilled,
    /// in progress, planning, withdrawn, "done of", overdue), as numbers.
    static func tallyRows(_ html: String) -> [[Int]] {
        html.split(separator: "<tr").dropFirst().compactMap { part -> [Int]? in
            let row = part.split(separator: "</tr>").first ?? part
            guard row.contains("progress-cell") else { return nil }
            let cells = row.matches(of: /<t[hd][^>]*>(.*?)<\/t[hd]>/.dotMatchesNewlines()).map { HTMLTable.text($0.output.1) }
            let numbers = cells.compactMap { Int($0) }
            guard cells.count >= 8, numbers.count >= 6 else { return nil }
            // The columns after the heading (and the sub-region on the By State table).
            let start = cells.count - 7
            return cells[start..<(start + 5)].compactMap { Int($0) }
        }
        .filter { $0.count == 5 }
    }
}
