import Database
import Foundation

/// The plain-language notice a member accepts before posting: versioned, the highest
/// version current. A new version means every member accepts again before their next post.
struct ConsentNotice: Sendable {
    let version: Int
    let body: String
    let publishedAt: Date

    /// The paragraphs, each starting with its heading sentence ("Why we ask. …").
    var paragraphs: [(heading: String, text: String)] {
        body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.map {
            paragraph in
            guard let stop = paragraph.firstIndex(of: "."), paragraph.distance(from: paragraph.startIndex, to: stop) < 40 else {
                return ("", paragraph)
            }
            return (String(paragraph[..<stop]), paragraph[paragraph.index(after: stop)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Publishes the next version; returns its number. Two publishing at once: the second
    /// fails on the primary key and nothing half-done stays.
    static func publish(_ body: String, by userID: Int, on connection: Connection) throws -> Int {
        try connection.queryValue(
            """
            INSERT INTO consent_notice (version, body, published_by)
            SELECT max(version) + 1, \(body), \(userID) FROM consent_notice
            RETURNING version
            """, as: Int.self)
    }

    static func current(on connection: Connection) throws -> ConsentNotice {
        try connection.queryFirst("SELECT version, body, published_at FROM consent_notice ORDER BY version DESC LIMIT 1") { row in
            ConsentNotice(version: try row.decode(0), body: try row.decode(1), publishedAt: try row.decode(2))
        }!
    }
}
