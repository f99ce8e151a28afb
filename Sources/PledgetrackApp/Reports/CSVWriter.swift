import Database
import Foundation

/// CSV as RFC 4180 writes it: fields separated by commas, lines ended by CRLF, a field quoted
/// when it holds a comma, a quote or a line break, and its quotes doubled. UTF-8, with a byte
/// order mark so that spreadsheet programs read it as UTF-8.
///
/// Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading apostrophe: a pledge titled `=HYPERLINK(…)` stays text.
enum CSVWriter {
    static let byteOrderMark = "\u{FEFF}"

    static func line(_ fields: [String]) -> String {
        var out = ""
        out.reserveCapacity(fields.reduce(fields.count + 2) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            out += quoted(field)
        }
        out += "\r\n"
        return out
    }

    static func line(_ cells: [Cell]) -> String {
        line(cells.map(text))
    }

    static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let value): neutralised(value)
        case .number(let value): String(value)
        case .date(let day): day.iso
        case .time(let date): Formatting.iso(date)
        case .empty: ""
        }
    }

    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    /// Scans bytes, not characters: a file of 60,000 rows has 700,000 fields.
    static func quoted(_ field: String) -> String {
        guard
            field.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
            })
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
