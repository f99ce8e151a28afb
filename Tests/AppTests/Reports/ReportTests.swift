import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import ZIPFoundation

@testable import PledgetrackApp

/// Reports against hand-counted data: the dashboards' fixture (`DashboardTests.Fixture`), the
/// feedback fixture for consent, and a history built by hand for "as of".
@Suite("Reports")
struct ReportTests {
    static func download(_ client: some TestClientProtocol, _ query: String, as browser: People.Browser? = nil) async throws -> TestResponse
    {
        try await client.execute(uri: "/reports/download?" + query, method: .get, headers: browser?.headers ?? [:])
    }

    /// The rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF), header first.
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\r\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else {
                field.append(c)
            }
            i += 1
        }
        return rows.filter { $0 != [""] }
    }

    /// The XML parts of a downloaded workbook, by path ("xl/worksheets/sheet1.xml").
    static func workbook(_ response: TestResponse) throws -> [String: String] {
        let archive = try Archive(data: Data(response.body.readableBytesView), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    static func csv(_ client: some TestClientProtocol, _ query: String, as browser: People.Browser? = nil) async throws -> [[String]] {
        let response = try await download(client, query, as: browser)
        #expect(response.status == .ok, "\(query): \(response.status)")
        #expect(response.headers[.contentType]?.hasPrefix("text/csv; charset=utf-8") == true)
        return rows(response.text)
    }

    @Test("CSV, workbook and brief agree with the dashboards' hand-counted figures, for visitors and staff, with filters")
    func figuresMatchDashboards() async throws {
        try await AppHarness.withApp { client, services in
            let fixture = try await DashboardTests.Fixture.make(services.pool)
            let staffID = try await People.make(services.pool, "s@example.org", roles: [.secretariat])
            let staff = try await People.signIn(services.pool, staffID)
            // Public: P1, P2, P4 (P3 is restricted). Staff: all four.
            let pledges = try await Self.csv(client, "format=pledges.csv")
            #expect(pledges.first?.first == "Pledge number")
            #expect(pledges.dropFirst().map { Int($0[0]) } == [fixture.p1, fixture.p2, fixture.p4])
            let byID = Dictionary(uniqueKeysWithValues: pledges.dropFirst().map { (Int($0[0])!, $0) })
            #expect(byID[fixture.p1]?[12] == "In progress" && byID[fixture.p1]?[20] == "1")
            #expect(byID[fixture.p2]?[12] == "Fulfilled" && byID[fixture.p2]?[18] == "1" && byID[fixture.p2]?[19] == "1")
            #expect(byID[fixture.p4]?[12] == "Withdrawn")
            #expect(try await Self.csv(client, "format=pledges.csv", as: staff).count == 5)
            // Milestones: P1 3 + P2 3 + P4 2 (dropped included) in public; one overdue open milestone counted.
            let milestones = try await Self.csv(client, "format=milestones.csv")
            #expect(milestones.count == 1 + 8)
            #expect(milestones.filter { $0[10] == "Yes" }.map { Int($0[2]) } == [fixture.overdueMilestone])
            // Filtered like the dashboards: Uganda has P1 and P4; measure 3 in Kenya has P1 and P2.
            #expect(
                try await Self.csv(client, "format=pledges.csv&country=UGA").dropFirst().map { Int($0[0]) } == [fixture.p1, fixture.p4])
            #expect(try await Self.csv(client, "format=pledges.csv&country=KEN&measure=3", as: staff).count == 3)
            #expect(try await Self.csv(client, "format=pledges.csv&status=fulfilled").count == 2)
            // The brief's headline is the overview dashboard's.
            let brief = try await Self.download(client, "format=brief")
            #expect(brief.status == .ok)
            #expect(brief.text.contains("<dt>Pledges</dt><dd>3</dd>"))
            #expect(brief.text.contains("<dt>Overdue milestones</dt><dd>1</dd>"))
            let dashboard = try await client.execute(uri: "/dashboards", method: .get).text
            #expect(dashboard.contains("<dt>Pledges</dt><dd>3</dd>"))
            #expect(dashboard.contains("<a href=\"/reports\">Download this view as a report</a>"))
            let kenya = try await client.execute(uri: "/dashboards/states/KEN?status=fulfilled", method: .get).text
            #expect(kenya.contains("href=\"/reports?country=KEN&amp;status=fulfilled\""))
            // The workbook: a zip whose summary sheet holds the same figures, typed.
            let workbook = try await Self.download(client, "format=xlsx", as: staff)
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let parts = try Self.workbook(workbook)
            #expect(parts["xl/workbook.xml"]?.contains("<sheet name=\"Change history\"") == true)
            let summary = parts["xl/worksheets/sheet1.xml"] ?? ""
            // Label and number, typed: Pledges 4, Fulfilled 1, Milestones 7, done 4 (staff, counted by hand).
            for (label, value) in [("Pledges", 4), ("Fulfilled", 1), ("Planning", 1), ("Milestones", 7), ("Milestones done", 4)] {
                #expect(summary.contains("<t xml:space=\"preserve\">\(label)</t></is></c><c r=\"B"), "\(label)")
                #expect(
                    summary.range(
                        of: "<t xml:space=\"preserve\">\(label)</t></is></c><c r=\"B[0-9]+\"><v>\(value)</v>", options: .regularExpression)
                        != nil, "\(label) = \(value)")
            }
            #expect(
                parts["xl/worksheets/sheet2.xml"]?.contains(
                    "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") == true)
            // A restricted pledge reaches no visitor's download of any kind.
            for query in ["format=history.csv", "format=changes.csv&since=2000-01-01", "format=brief", "format=milestones.csv"] {
                #expect(!(try await Self.download(client, query).text.contains("Restricted plan")), "\(query)")
            }
            let visitorBook = try Self.workbook(try await Self.download(client, "format=xlsx&since=2000-01-01"))
            #expect(!visitorBook.values.contains { $0.contains("Restricted plan") })
            #expect(
                try Self.workbook(try await Self.download(client, "format=xlsx", as: staff)).values.contains {
                    $0.contains("Restricted plan")
                })
        }
    }

    @Test("the state history is written by every change that matters, once a transaction, and says where it begins")
    func stateHistoryTriggers() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let owner = try await People.entity(pool, "Entity")
            let id = try await Pledges.make(pool, owner: owner)
            let m = try await Pledges.milestone(pool, pledge: id, stage: .commitment, status: .notStarted)
            func revisions() async throws -> [String] {
                try await pool.query("SELECT status FROM milestone_revision WHERE milestone_id = \(m) ORDER BY valid_from") {
                    try $0.decode(0)
                }
            }
            #expect(try await revisions() == ["not_started"])
            try await pool.transaction { connection in
                try connection.execute("UPDATE milestone SET status = 'on_track' WHERE id = \(m)")
                try connection.execute("UPDATE milestone SET status = 'at_risk', percent_complete = 10 WHERE id = \(m)")
            }
            #expect(try await revisions() == ["not_started", "at_risk"], "two writes in one transaction leave its last state")
            try await pool.execute("UPDATE milestone SET position = 5, version = version + 1 WHERE id = \(m)")
            #expect(try await revisions().count == 2, "moving a milestone changes no state")
            try await pool.execute("UPDATE pledge SET withdrawn_at = now() WHERE id = \(id)")
            try await pool.execute("UPDATE pledge SET withdrawn_at = NULL WHERE id = \(id)")
            let withdrawals = try await pool.query("SELECT withdrawn FROM pledge_revision WHERE pledge_id = \(id) ORDER BY valid_from") {
                try $0.decode(0, as: Bool.self)
            }
            #expect(withdrawals == [false, true, false])
            // A database that held pledges before the history began refuses days before it.
            try await pool.execute("UPDATE state_history_start SET complete_from = now()")
            let before = try await Self.download(client, "format=pledges.csv&as_of=2026-01-01")
            #expect(before.status == .unprocessableContent && before.text.contains("does not reach back to this day"))
            #expect(before.text.contains("The history of milestones is complete from"))
            #expect(try await Self.download(client, "format=pledges.csv").status == .ok)
        }
    }

    @Test("the export gate lets two downloads through at once and gives each place back")
    func exportGate() {
        let gate = ExportGate(.init(limit: 2, staffReserved: 0, perClient: 2, perAccount: 2))
        var first = gate.enter(.visitor(address: "a"))
        let second = gate.enter(.visitor(address: "a"))
        #expect(first != nil && second != nil && gate.enter(.visitor(address: "b")) == nil)
        first = nil
        #expect(gate.enter(.visitor(address: "b")) != nil, "a ticket that goes away gives its place back")
        withExtendedLifetime(second) {}
    }

    @Test("text a spreadsheet would run as a formula is neutralised in CSV; fields are quoted as RFC 4180 says")
    func formulaNeutralisation() async throws {
        #expect(CSVWriter.text(.text("=HYPERLINK(\"http://x\")")) == "'=HYPERLINK(\"http://x\")")
        for start in ["+1", "-2", "@SUM(A1)", "\tx", "\rx"] { #expect(CSVWriter.text(.text(start)).hasPrefix("'")) }
        #expect(CSVWriter.text(.text("Plain, with \"quotes\"")) == "Plain, with \"quotes\"")
        #expect(
            CSVWriter.line([.text("a,b"), .text("say \"hi\""), .number(-3), .text("two\nlines")])
                == "\"a,b\",\"say \"\"hi\"\"\",-3,\"two\nlines\"\r\n")
        try await AppHarness.withApp { client, services in
            let owner = try await People.entity(services.pool, "Entity")
            let id = try await Pledges.make(services.pool, owner: owner, title: "=HYPERLINK(\"http://evil.example\",\"Click\")")
            try await Pledges.milestone(services.pool, pledge: id, title: "@SUM(1+1)")
            let pledges = try await Self.csv(client, "format=pledges.csv")
            #expect(pledges[1][2] == "'=HYPERLINK(\"http://evil.example\",\"Click\")")
            let milestones = try await Self.csv(client, "format=milestones.csv")
            #expect(milestones[1][1] == "'=HYPERLINK(\"http://evil.example\",\"Click\")" && milestones[1][4] == "'@SUM(1+1)")
        }
    }

    @Test("exports hold only the feedback each reader may read, and texts only where the lists show them")
    func consentInExports() async throws {
        try await AppHarness.withApp { client, services in
            let fixture = try await FeedbackTests.Fixture.make(services.pool)
            func texts(_ rows: [[String]]) -> Set<String> { Set(rows.dropFirst().map { $0[10] }.filter { $0.hasPrefix("Secret words") }) }
            func text(_ key: String) -> String {
                let parts = key.split(separator: "/").map(String.init)
                return FeedbackTests.Fixture.text(parts[0], parts[1])
            }
            // Members read what their scopes allow; staff (secretariat, focal points, facilitators,
            // admins) get the text only of what is published for everyone, as in the lists.
            let visitor = try await Self.csv(client, "format=feedback.csv")
            #expect(visitor.count == 2 && texts(visitor) == [text("public/published")])
            for (who, isStaff) in [
                (FeedbackTests.Persona.secretariat, true), (.ownerFocalPoint, true), (.facilitator, true), (.admin, true), (.author, false),
                (.peer, false), (.otherPanelMember, false),
            ] {
                let rows = try await Self.csv(client, "format=feedback.csv", as: fixture.people[who])
                let allowed = FeedbackTests.readers.filter { $0.value.contains(who) && (!isStaff || $0.key == "public/published") }.keys
                #expect(texts(rows) == Set(allowed.map(text)), "\(who)")
                #expect(rows.dropFirst().allSatisfy { !$0.joined().contains("Amani") }, "\(who): a pseudonym in the export")
                if isStaff {
                    #expect(
                        rows.dropFirst().allSatisfy {
                            $0[10].hasPrefix("Secret words public published") || $0[10].hasPrefix("Not in downloads")
                        })
                }
            }
            #expect(
                try await Self.csv(client, "format=feedback.csv", as: fixture.people[.secretariat]).count - 1 == 6,
                "published and pending, secretariat scope and wider")
            // The brief counts only what its reader may read: a visitor, the one public item,
            // shown as a small count held back (issue 15).
            #expect(try await Self.download(client, "format=brief").text.contains("that you may read: fewer than 5."))
            #expect(
                try await Self.download(client, "format=brief", as: fixture.people[.secretariat]).text.contains("that you may read: 3."))
            for format in ["brief", "changes.csv&since=2000-01-01", "history.csv"] {
                let body = try await Self.download(client, "format=" + format, as: fixture.people[.secretariat]).text
                for scope in ["panel", "secretariat", "pledge_owners"] {
                    #expect(!body.contains(FeedbackTests.Fixture.text(scope, "published")), "\(format) shows \(scope)")
                }
                #expect(!body.contains("Amani"), "\(format) names an author")
            }
        }
    }

    @Test("as of a past day: figures rebuilt from a hand-built history; what changed between two days")
    func asOfHandBuiltHistory() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let owner = try await People.entity(pool, "Entity")
            let id = try await Pledges.make(pool, owner: owner, title: "Shelter places", countries: ["KEN"])
            let c = try await Pledges.milestone(pool, pledge: id, stage: .commitment, status: .done, title: "Agreement")
            let i = try await Pledges.milestone(pool, pledge: id, stage: .implementation, status: .done, title: "Shelter open")
            let e = try await Pledges.milestone(
                pool, pledge: id, stage: .evaluation, status: .done, title: "Evaluated", validation: .validated)
            #expect(try await Pledges.status(pool, id) == "fulfilled")
            // The history, by hand: created 10 January; the agreement done on 1 March; the shelter
            // added 1 February, on track 1 April, done 15 May; the evaluation added 1 May, done 1 June.
            try await pool.transaction { connection in
                try connection.execute("UPDATE pledge SET created_at = '2026-01-10T09:00:00Z' WHERE id = \(id)")
                try connection.execute("DELETE FROM pledge_revision WHERE pledge_id = \(id)")
                try connection.execute("INSERT INTO pledge_revision VALUES (\(id), '2026-01-10T09:00:00Z', false)")
                try connection.execute("DELETE FROM milestone_revision WHERE pledge_id = \(id)")
                try connection.execute(
                    """
                    INSERT INTO milestone_revision (milestone_id, pledge_id, valid_from, stage, status, due_date, completed_on, percent_complete, validation)
                    VALUES (\(c), \(id), '2026-01-10T09:00:00Z', 'commitment', 'not_started', '2026-02-15', NULL, 0, NULL),
                           (\(c), \(id), '2026-03-01T12:00:00Z', 'commitment', 'done', '2026-02-15', '2026-03-01', 100, NULL),
                           (\(i), \(id), '2026-02-01T12:00:00Z', 'implementation', 'not_started', NULL, NULL, 0, NULL),
                           (\(i), \(id), '2026-04-01T12:00:00Z', 'implementation', 'on_track', NULL, NULL, 40, NULL),
                           (\(i), \(id), '2026-05-15T12:00:00Z', 'implementation', 'done', NULL, '2026-05-15', 100, NULL),
                           (\(e), \(id), '2026-05-01T12:00:00Z', 'evaluation', 'not_started', NULL, NULL, 0, NULL),
                           (\(e), \(id), '2026-06-01T12:00:00Z', 'evaluation', 'done', NULL, '2026-06-01', 100, 'validated')
                    """)
            }
            func pledge(_ day: String) async throws -> [String]? {
                try await Self.csv(client, "format=pledges.csv&as_of=" + day).dropFirst().first
            }
            #expect(try await pledge("2026-01-09") == nil, "not made yet")
            let january = try await pledge("2026-01-31")
            #expect(january?[12] == "Planning" && january?[13] == "Commitment" && january?[15] == "1" && january?[17] == "0")
            #expect(january?[20] == "0", "due 15 February: not overdue yet")
            let february = try await pledge("2026-02-20")
            #expect(february?[20] == "1", "the agreement is overdue on 20 February")
            let march = try await pledge("2026-03-15")
            #expect(march?[12] == "Planning" && march?[13] == "Implementation" && march?[14] == "1" && march?[20] == "0")
            #expect(try await pledge("2026-04-15")?[12] == "In progress")
            #expect(try await pledge("2026-05-20")?[12] == "In progress")
            let june = try await pledge("2026-06-15")
            #expect(june?[12] == "Fulfilled" && june?[18] == "1" && june?[19] == "1")
            let milestones = try await Self.csv(client, "format=milestones.csv&as_of=2026-04-15")
            #expect(
                milestones.dropFirst().map { [$0[4], $0[6], $0[7]] } == [
                    ["Agreement", "Done", "100"], ["Shelter open", "On track", "40"],
                ])
            // The dashboards' figures as of that day, in the brief.
            let brief = try await Self.download(client, "format=brief&as_of=2026-04-15").text
            #expect(brief.contains("<dt>Milestones done</dt><dd>1 of 2 (50 %)</dd>"))
            #expect(brief.contains("As of 15 April 2026"))
            // What changed from 15 March to 15 June: two milestones completed, the status went
            // from planning to fulfilled.
            let changes = try await Self.csv(client, "format=changes.csv&since=2026-03-15&as_of=2026-06-15")
            #expect(
                changes.dropFirst().map { [$0[1], $0[4]] } == [
                    ["Milestone completed", "Shelter open"], ["Milestone completed", "Evaluated"],
                    ["Status changed", "Planning → Fulfilled"],
                ])
            #expect(changes.dropFirst().first?[0] == "2026-05-15T12:00:00Z")
        }
    }

    @Test("bad input brings the form back with what was chosen and what to fix")
    func badInput() async throws {
        try await AppHarness.withApp { client, services in
            _ = try await Pledges.make(services.pool, owner: try await People.entity(services.pool, "Entity"), countries: ["KEN"])
            let cases: [(String, String)] = [
                ("format=pledges.csv&country=XYZ", "Choose a country from the list."),
                ("format=pledges.csv&entity=999999", "Choose an entity from the list."),
                ("format=pledges.csv&measure=21", "Choose a measure from the list."),
                ("format=pledges.csv&sdg=1.1", "Choose an SDG target from the list."),
                ("format=pledges.csv&from=2026-05-01&to=2026-04-01", "The end of the period is before its start"),
                ("format=pledges.csv&as_of=2099-01-01", "This date is in the future"),
                ("format=pledges.csv&as_of=31-12-2025", "Enter a date as year-month-day"),
                ("format=pledges.csv&since=2026-03-01&as_of=2026-02-01", "“What changed since” must be before the “as of” day."),
                ("format=docx&country=KEN", "Choose one of the formats."),
                ("country=KEN", "Choose one of the formats."),
            ]
            for (query, message) in cases {
                let response = try await Self.download(client, query)
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(response.text.contains("class=\"error-summary\"") && response.text.contains(message), "\(query)")
            }
            let kept = try await Self.download(client, "format=xlsx&country=KEN&as_of=2099-01-01").text
            #expect(kept.contains("<option value=\"KEN\" selected>Kenya</option>") || kept.contains("value=\"KEN\" selected"))
            #expect(kept.contains("value=\"2099-01-01\""))
            #expect(kept.contains("id=\"format-xlsx\" name=\"format\" value=\"xlsx\" checked"))
            #expect(
                try await services.pool.queryValue("SELECT count(*)::int FROM audit_event WHERE action = 'report.downloaded'", as: Int.self)
                    == 0)
        }
    }

    @Test("every download is named for its scope and day, recorded in the audit log with its filters, and not cached")
    func namesAndAudit() async throws {
        try await AppHarness.withApp { client, services in
            let response = try await Self.download(client, "format=pledges.csv&country=ken&measure=3&as_of=2026-01-31")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"pledgetrack-ken-measure-3-pledges-2026-01-31.csv\"")
            #expect(response.headers[.cacheControl] == "no-store")
            let changes = try await Self.download(client, "format=changes.csv&since=2026-01-01&as_of=2026-01-31")
            #expect(changes.headers[.contentDisposition] == "attachment; filename=\"pledgetrack-all-changes-2026-01-01-to-2026-01-31.csv\"")
            let detail = try await services.pool.queryValue(
                """
                SELECT detail::text FROM audit_event WHERE action = 'report.downloaded' AND target_id LIKE 'pledgetrack-ken-%' 
                """, as: String.self)
            #expect(
                detail.contains("\"country\": \"KEN\"") && detail.contains("\"measure\": \"3\"")
                    && detail.contains("\"format\": \"pledges.csv\""))
        }
    }

    @Test("without a PDF engine the page says so, PDF is refused with a message, and the other formats work")
    func pdfEngineMissing() async throws {
        var configuration = AppHarness.configuration
        configuration.pdfEngine = "none"
        try await AppHarness.withApp(configuration: configuration) { client, _ in
            let form = try await client.execute(uri: "/reports", method: .get).text
            #expect(form.contains("PDF is not available on this server"))
            #expect(form.contains("value=\"pdf\" disabled"))
            let pdf = try await Self.download(client, "format=pdf")
            #expect(pdf.status == .unprocessableContent && pdf.text.contains("PDF is not available on this server"))
            #expect(try await Self.download(client, "format=pledges.csv").status == .ok)
            #expect(try await Self.download(client, "format=brief").status == .ok)
        }
    }
}
