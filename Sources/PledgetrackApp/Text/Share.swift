/// Percentages: one rule for every page, the brief, the workbook and CSV.
///
/// - A share on its own ("milestones done") is rounded to the nearest whole percent, a half
///   up: 1 of 6 is 17 %, 2 of 3 is 67 %, 1 of 8 is 13 %. A part short of the whole never reads
///   100 % and a part above nothing never reads 0 % (199 of 200 is 99 %, 1 of 1,000 is 1 %), so
///   "100 %" always means all and "0 %" none.
/// - Shares that make a whole (pledges by status) are rounded by the largest remainder method,
///   so they add up to 100 %: each part gets its whole percent rounded down, and the points
///   still missing go to the largest remainders (on a tie, to the smaller part, then to the
///   earlier one): 1, 1 and 1 of 3 are 34, 33 and 33 %.
/// - Out of nothing there is no share: the figure reads "—", never "0 of 0 (0 %)".
enum Share {
    /// `part` of `whole` in whole percent; nil when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        let rounded = (part * 200 + whole) / (whole * 2)
        if part > 0, rounded == 0 { return 1 }
        if part < whole, rounded >= 100 { return 99 }
        return rounded
    }

    /// The whole percents of parts that make a whole, adding up to 100; nil when they add up to 0.
    static func percents(_ parts: [Int]) -> [Int]? {
        let whole = parts.reduce(0, +)
        guard whole > 0 else { return nil }
        var shares = parts.map { $0 * 100 / whole }
        let missing = 100 - shares.reduce(0, +)
        let order = parts.indices.sorted { a, b in
            let ra = parts[a] * 100 % whole, rb = parts[b] * 100 % whole
            if ra != rb { return ra > rb }
            if parts[a] != parts[b] { return parts[a] < parts[b] }
            return a < b
        }
        for index in order.prefix(missing) { shares[index] += 1 }
        return shares
    }

    /// "17 %", or "—" without a share.
    static func text(_ percent: Int?, _ t: Strings) -> String {
        percent.map { t.format(.percentValue, numbers: ["percent": $0]) } ?? t[.shareNone]
    }

    /// "17 %" for `part` of `whole`, or "—" when `whole` is 0.
    static func text(_ part: Int, of whole: Int, _ t: Strings) -> String {
        text(percent(part, of: whole), t)
    }

    /// "4 of 6 (67 %)", or "—" when there is nothing to count.
    static func doneOf(_ done: Int, of total: Int, _ t: Strings) -> String {
        guard let percent = percent(done, of: total) else { return t[.shareNone] }
        return t.format(.dashDoneOf, numbers: ["done": done, "total": total, "percent": percent])
    }

    /// "4 of 6 done", or "—" when there is nothing to count (a pledge without milestones).
    static func milestonesDone(_ done: Int, of total: Int, _ t: Strings) -> String {
        guard total > 0 else { return t[.shareNone] }
        return t.format(.milestonesDoneOf, numbers: ["done": done, "total": total])
    }
}
