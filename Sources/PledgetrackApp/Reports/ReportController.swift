import Database
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Markup
import NIOCore

/// `/reports`: the report builder and its downloads. Everyone may download; what a report
/// holds follows the reader (restricted pledges for staff only, feedback through
/// `feedback_visible_to`). Every download is written to the audit log with its filters.
struct ReportController {
    let pool: ConnectionPool
    let versions: DataVersion
    let reference: ReferenceDataStore
    let pdf: PDFEngine
    /// The style sheets the brief uses, copied beside it for the PDF engine.
    let stylesheets: [URL]
    /// Downloads made at once: four, two of them kept for signed-in staff; a visitor's address
    /// one at a time, an account two (see `ExportGate`).
    let gate = ExportGate(.init(limit: 4, staffReserved: 2, perClient: 1, perAccount: 2))
    /// Visitors' briefs, built once per data version and filter.
    let publicBriefs = PublicBriefCache()

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/reports", .everyone, form)
        routes.get("/reports/download", .everyone, download)
    }

    private static let briefStylesheets = ["app.css", "brief.css"]

    init(pool: ConnectionPool, versions: DataVersion, reference: ReferenceDataStore, pdf: PDFEngine, publicDirectory: String) {
        self.pool = pool
        self.versions = versions
        self.reference = reference
        self.pdf = pdf
        let css = URL(fileURLWithPath: publicDirectory).appendingPathComponent("css")
        stylesheets = Self.briefStylesheets.map { css.appendingPathComponent($0) }
    }

    // MARK: The form

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (input, data, historyFrom) = try await read(request, context.readerLanguage)
        return try await formPage(input, data, historyFrom, status: .ok, request, context)
    }

    /// The form, with what was chosen, its mistakes, and `notice` (busy, or the PDF failed).
    private func formPage(
        _ input: ReportRequest, _ data: ReferenceData, _ historyFrom: CalendarDate?, status: HTTPResponse.Status,
        notice: Strings.Key? = nil, _ request: Request, _ context: AppRequestContext
    ) async throws -> Response {
        let seesRestricted = PledgeAccess.seesRestricted(context.user)
        let options = try await pool.withConnection { connection in
            try PledgeQueries.listOptions(seesRestricted: seesRestricted, language: context.readerLanguage, on: connection)
        }
        let page = ReportFormPage(
            request: input, options: options, reference: data, pdfAvailable: pdf.isAvailable,
            historyFrom: historyFrom, notice: notice)
        var response = try HTMLResponse(page, status: status, request, context).response(from: request, context: context)
        if status == .serviceUnavailable { response.headers[.retryAfter] = "30" }
        return response
    }

    /// The report asked for, checked: an entity against the database, days against the day
    /// the state history is complete from (nil: from the start).
    private func read(_ request: Request, _ language: Language) async throws -> (ReportRequest, ReferenceData, CalendarDate?) {
        let data = try await reference.get(pool, language)
        let query = request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) }
        let entity = query.last { $0.key == "entity" }.flatMap { Int($0.value.trimmingCharacters(in: .whitespaces)) }
        let (known, historyFrom) = try await pool.withConnection { connection in
            (try entity.map { try EntityQueries.exists($0, on: connection) } ?? false, try ReportQueries.historyStart(on: connection))
        }
        let input = ReportRequest(query, reference: data, today: AppClock.today, historyFrom: historyFrom) { [known] in
            $0 == entity && known
        }
        return (input, data, historyFrom)
    }

    // MARK: Downloads

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (read, data, historyFrom) = try await read(request, context.readerLanguage)
        var input = read
        if input.format == nil, input.errors["format"] == nil { input.errors.add("format", .reportErrorFormat) }
        if input.format == .pdf, !pdf.isAvailable { input.errors.add("format", .reportPDFMissing) }
        guard input.errors.isEmpty, let format = input.format else {
            return try await formPage(input, data, historyFrom, status: .unprocessableContent, request, context)
        }
        let checked = input
        let client: ExportGate.Client = context.user.map { .account(id: $0.id) } ?? .visitor(address: context.clientAddress)
        let t = request.pageContext(context).strings
        let scope = ReportScope(
            request: input, reader: context.user?.id, seesRestricted: PledgeAccess.seesRestricted(context.user),
            language: context.readerLanguage)
        let today = AppClock.today
        let name = input.fileName(format, today: today)
        let event = AuditEvent(
            "report.downloaded", actorID: context.user?.id, targetType: "report", targetID: name, detail: input.auditDetail)
        let origin = context.origin
        let busy = {
            try await self.formPage(checked, data, historyFrom, status: .serviceUnavailable, notice: .reportBusy, request, context)
        }
        // A visitor's brief is the same for every visitor: made once per data version and filter.
        if context.user == nil, format == .brief || format == .pdf {
            let key = PublicBriefCache.Key(query: input.formQuery, format: format.rawValue, language: t.language.rawValue, day: today.iso)
            do {
                let version = try await versions.current(atLeast: context.wrote).version
                let bytes = try await publicBriefs.file(key, version: version) { [self] in
                    guard let ticket = gate.enter(client) else { throw PDFEngine.Busy() }
                    defer { withExtendedLifetime(ticket) {} }
                    return try await briefFile(format, scope, data, t, client: client)
                }
                try await pool.withConnection { connection in try Audit.record(event, origin, on: connection) }
                return file(bytes, format, name, disposition: format == .brief ? "inline" : "attachment")
            } catch is PDFEngine.Busy {
                return try await busy()
            } catch let error as HTTPError {
                throw error
            } catch {
                context.logger.error("the PDF engine failed", metadata: ["error": "\(error)"])
                return try await formPage(input, data, historyFrom, status: .serviceUnavailable, notice: .reportPDFFailed, request, context)
            }
        }
        guard let ticket = gate.enter(client) else { return try await busy() }
        defer { withExtendedLifetime(ticket) {} }
        try await pool.withConnection { connection in try Audit.record(event, origin, on: connection) }
        switch format {
        case .brief, .pdf:
            do {
                let bytes = try await briefFile(format, scope, data, t, client: client)
                return file(bytes, format, name, disposition: format == .brief ? "inline" : "attachment")
            } catch is PDFEngine.Busy {
                return try await busy()
            } catch {
                context.logger.error("the PDF engine failed", metadata: ["error": "\(error)"])
                return try await formPage(input, data, historyFrom, status: .serviceUnavailable, notice: .reportPDFFailed, request, context)
            }
        case .xlsx:
            let description = try await describe(input, data, t)
            let bytes = try await pool.withConnection { connection in
                try WorkbookReport(scope: scope, title: description.title, description: description.lines, t: t).write(on: connection)
            }
            return file(ByteBuffer(bytes: bytes), format, name)
        default:
            return csv(format, scope, name, t, holding: ticket, logger: context.logger)
        }
    }

    /// A CSV table streamed from a cursor as it is read: memory holds one batch of rows. The
    /// response has begun when the rows are read, so a failure then ends the transfer
    /// unfinished (the last chunk never comes), which browsers and tools report as a failed download.
    private func csv(
        _ format: ReportFormat, _ scope: ReportScope, _ name: String, _ t: Strings, holding ticket: ExportGate.Ticket, logger: Logger
    ) -> Response {
        let table = format.table ?? .pledges
        let sql = table.sql(scope)
        let header = CSVWriter.byteOrderMark + CSVWriter.line(table.columns.map { t[$0.heading] })
        // The body keeps the gate's ticket: its place is given back when the body is done or dropped.
        let body = ResponseBody { [pool, ticket] writer in
            defer { withExtendedLifetime(ticket) {} }
            do {
                try await writer.write(ByteBuffer(string: header))
                try await pool.stream(sql, batchSize: 2000, { row in CSVWriter.line(try table.cells(row, t)) }) { lines in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count })
                    for line in lines { buffer.writeString(line) }
                    try await writer.write(buffer)
                }
                try await writer.finish(nil)
            } catch {
                logger.error("a CSV download ended unfinished", metadata: ["file": "\(name)", "error": "\(error)"])
                throw error
            }
        }
        return Response(status: .ok, headers: headers(format, name, disposition: "attachment"), body: body)
    }

    /// The brief as a page (`brief`) or printed (`pdf`).
    private func briefFile(
        _ format: ReportFormat, _ scope: ReportScope, _ data: ReferenceData, _ t: Strings,
        client: ExportGate.Client
    ) async throws -> ByteBuffer {
        let brief = try await briefPage(scope, data, t)
        if format == .brief { return ByteBuffer(string: brief.document(t, head: BriefPage.screenHead).rendered) }
        return ByteBuffer(
            bytes: try await pdf.render(
                html: brief.document(t, head: BriefPage.printHead).rendered, assets: stylesheets,
                files: [BriefPage.runningStyleFile: brief.runningStyle(t)], for: client))
    }

    private func file(_ bytes: ByteBuffer, _ format: ReportFormat, _ name: String, disposition: String = "attachment") -> Response {
        Response(status: .ok, headers: headers(format, name, disposition: disposition), body: .init(byteBuffer: bytes))
    }

    private func headers(_ format: ReportFormat, _ name: String, disposition: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        headers[.contentDisposition] = "\(disposition); filename=\"\(name)\""
        // A report may hold restricted pledges: no cache keeps a copy.
        headers[.cacheControl] = "no-store"
        return headers
    }

    private func briefPage(_ scope: ReportScope, _ data: ReferenceData, _ t: Strings) async throws -> BriefPage {
        let description = try await describe(scope.request, data, t)
        let figures = try await pool.withConnection { connection in
            try connection.transaction { connection in
                try connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return try ReportFigures.load(scope, t, on: connection)
            }
        }
        return BriefPage(
            request: scope.request, title: description.title, subject: description.subject, scopeDescription: description.lines,
            figures: figures, reference: data,
            seesRestricted: scope.seesRestricted, preparedAt: Date(), today: AppClock.today)
    }

    /// The report's title, its subject and its filters in words, for the brief and the summary sheet.
    private func describe(
        _ input: ReportRequest, _ data: ReferenceData, _ t: Strings
    ) async throws -> (
        title: String, subject: String?, lines: [String]
    ) {
        var entityName: String?
        if let id = input.filter.entity {
            entityName = try await pool.withConnection { connection in try EntityQueries.name(id, on: connection) }
        }
        return (
            input.title(data, entityName: entityName, t), input.subject(data, entityName: entityName, t),
            input.describe(data, entityName: entityName, t)
        )
    }
}
