import Database
import Foundation
import ZIPFoundation

/// An Excel workbook (Office Open XML, .xlsx) written sheet by sheet to files in a private
/// folder, then zipped with ZIPFoundation: rows go to disk as they come, so a sheet of 60,000
/// rows never sits in memory. Cells are typed (numbers, dates, date-times, text), the header
/// row is bold and frozen, and columns get their widths. Text is stored inline, never as a
/// formula.
final class XLSXWriter {
    private let folder: URL
    private var sheets: [(name: String, file: URL)] = []
    private var output: FileHandle?
    private var buffer = ""
    private var rowNumber = 0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pledgetrack-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    deinit {
        try? output?.close()
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Sheets

    /// Starts a sheet with a bold, frozen header row; `widths` in characters.
    func beginSheet(_ name: String, headings: [String], widths: [Int]) throws {
        try endSheet()
        let file = folder.appendingPathComponent("sheet\(sheets.count + 1).xml")
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        output = try FileHandle(forWritingTo: file)
        sheets.append((Self.sheetName(name, taken: sheets.map(\.name)), file))
        rowNumber = 0
        let cols = widths.enumerated().map { i, w in "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>" }.joined()
        buffer += """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>\(cols)</cols><sheetData>
            """
        try row(headings.map(Cell.text), style: Style.header)
    }

    func row(_ cells: [Cell]) throws {
        try row(cells, style: nil)
    }

    private func row(_ cells: [Cell], style: Int?) throws {
        rowNumber += 1
        buffer += "<row r=\"\(rowNumber)\">"
        for (index, cell) in cells.enumerated() {
            let ref = (index < Self.columnNames.count ? Self.columnNames[index] : Self.column(index)) + String(rowNumber)
            switch cell {
            case .text(let value):
                buffer +=
                    "<c r=\"\(ref)\" t=\"inlineStr\"\(style.map { " s=\"\($0)\"" } ?? "")><is><t xml:space=\"preserve\">\(Self.escaped(value))</t></is></c>"
            case .number(let value):
                buffer += "<c r=\"\(ref)\"><v>\(value)</v></c>"
            case .date(let day):
                buffer += "<c r=\"\(ref)\" s=\"\(Style.date)\"><v>\(day.dayNumber + Self.epochOffset)</v></c>"
            case .time(let date):
                let serial = date.timeIntervalSince1970 / 86_400 + Double(Self.epochOffset)
                buffer += "<c r=\"\(ref)\" s=\"\(Style.dateTime)\"><v>\(serial)</v></c>"
            case .empty:
                continue
            }
        }
        buffer += "</row>"
        if buffer.utf8.count > 64 * 1024 { try flush() }
    }

    private func endSheet() throws {
        guard let output else { return }
        buffer += "</sheetData></worksheet>"
        try flush()
        try output.close()
        self.output = nil
    }

    private func flush() throws {
        try output?.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: The workbook

    /// Zips the sheets with the workbook's parts into a file, and returns its address (in the
    /// writer's folder, removed with the writer).
    func finish() throws -> URL {
        try endSheet()
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", Self.rootRelationships),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", Self.styles),
        ]
        let file = folder.appendingPathComponent("workbook.xlsx")
        let archive = try Archive(url: file, accessMode: .create)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        for (index, sheet) in sheets.enumerated() {
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: sheet.file, compressionMethod: .deflate)
        }
        return file
    }

    private var contentTypes: String {
        let overrides = sheets.indices.map { i in
            "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(overrides)</Types>
            """
    }

    private static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private var workbook: String {
        let entries = sheets.enumerated().map { i, sheet in
            "<sheet name=\"\(Self.escaped(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(entries)</sheets></workbook>
            """
    }

    private var workbookRelationships: String {
        let sheetLinks = sheets.indices.map { i in
            "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheetLinks)\
            <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """
    }

    /// The cell styles the rows name: 0 plain, 1 date, 2 date and time, 3 bold (headers).
    private enum Style {
        static let date = 1
        static let dateTime = 2
        static let header = 3
    }

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    // MARK: Helpers

    /// Excel counts days from 30 December 1899; `CalendarDate.dayNumber` from 1 January 1970.
    private static let epochOffset = 25_569

    static let columnNames = (0..<64).map(column)

    /// A, B, …, Z, AA, AB, …
    static func column(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// XML text: markup characters escaped, and characters XML 1.0 cannot hold left out.
    static func escaped(_ text: String) -> String {
        // Most text needs nothing: check the bytes once before building anything.
        let plain = !text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == 0xEF
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"  // XML would fold a bare carriage return into a line feed
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\\`, no apostrophe at
    /// either end, not "History" (Excel keeps it), unique ignoring case.
    static func sheetName(_ name: String, taken: [String]) -> String {
        var clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31)).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        if clean.isEmpty || clean.lowercased() == "history" { clean = "Sheet" }
        var candidate = clean
        var n = 2
        while taken.contains(where: { $0.lowercased() == candidate.lowercased() }) {
            candidate = String(clean.prefix(28)) + " \(n)"
            n += 1
        }
        return candidate
    }
}
