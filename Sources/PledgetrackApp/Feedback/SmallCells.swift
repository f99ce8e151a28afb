/// Counts of survivor feedback shown to the public keep small numbers out: a cell under
/// `threshold` reads "fewer than 5", and when a table would have just one such cell (which
/// its total would give away) the next smallest is held back too. Counts are made only from
/// what the public may read (`feedback_visible_to(NULL)`); this is a second guard on top.
enum SmallCells {
    static let threshold = 5

    /// The rows with the counts to show; nil where a count is held back.
    static func suppress<Label>(_ rows: [(Label, Int)]) -> [(Label, Int?)] {
        var shown: [Int?] = rows.map { $0.1 > 0 && $0.1 < threshold ? nil : $0.1 }
        if shown.filter({ $0 == nil }).count == 1, rows.count > 1,
            let next = shown.indices.filter({ shown[$0] != nil && rows[$0].1 > 0 }).min(by: { rows[$0].1 < rows[$1].1 })
        {
            shown[next] = nil
        }
        return zip(rows, shown).map { ($0.0.0, $0.1) }
    }

    static func suppress(total: Int) -> Int? { total > 0 && total < threshold ? nil : total }
}
