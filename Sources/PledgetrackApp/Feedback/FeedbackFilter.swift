import Database
import Foundation

/// The feedback list's filters (the secretariat's review queue is this list, filtered), read
/// from the query string and written back into links. A value that cannot be read is left
/// out and named on the page (`ignored`).
struct FeedbackFilter: Sendable, Equatable, PagedFilter {
    var panel: Int?
    var measure: Int?
    var pledge: Int?
    var country: String?
    var review: Review?
    var moderation: Moderation?
    var mine = false
    /// Feedback the reader may answer that no one has answered yet: a focal point's worklist.
    /// (A focal point answers only feedback on their entities' pledges; the secretariat, any it
    /// may answer. Written as two branches, so a focal point's never reads every item.)
    var awaitingAnswer = false
    var page = 1
    /// The filters given but not understood, as the labels the form shows.
    var ignored: [Strings.Key] = []

    static let pageSize = 25

    init() {}

    init(_ q: some Sequence<(key: Substring, value: Substring)>, reference: ReferenceData) {
        var r = QueryReader(q)
        panel = r.read("panel", .fieldPanel, FilterCodes.id)
        measure = r.read("measure", .fieldMeasure) { FilterCodes.measure($0, reference) }
        pledge = r.read("pledge", .fieldPledgeNumber, FilterCodes.id)
        country = r.read("country", .fieldCountry) { FilterCodes.country($0, reference) }
        review = r.read("review", .fieldReview, Review.init(rawValue:))
        moderation = r.read("moderation", .fieldModeration, Moderation.init(rawValue:))
        mine = r.flag("mine", .onlyMine)
        awaitingAnswer = r.flag("awaiting", .awaitingAnswerOnly)
        page = r.read("page", .pagination, FilterCodes.page) ?? 1
        ignored = r.ignored
    }

    var isEmpty: Bool { self == FeedbackFilter(page: page, ignored: ignored) }

    private init(page: Int, ignored: [Strings.Key]) {
        self.page = page
        self.ignored = ignored
    }

    /// The WHERE conditions on `f` (feedback already limited to what the reader may see).
    func conditions(reader: Int?) -> SQL {
        var c: [SQL] = ["true"]
        if let panel { c.append("f.panel_id = \(panel)") }
        // All feedback is under measure 18; feedback about a pledge is also under the pledge's measures.
        if let measure, measure != 18 {
            c.append("EXISTS (SELECT 1 FROM pledge_measure pm WHERE pm.pledge_id = f.pledge_id AND pm.measure_number = \(measure))")
        }
        if let pledge { c.append("f.pledge_id = \(pledge)") }
        if let country {
            c.append(
                """
                (EXISTS (SELECT 1 FROM pledge_country pc WHERE pc.pledge_id = f.pledge_id AND pc.country_iso3 = \(country))
                 OR EXISTS (SELECT 1 FROM panel_country k WHERE k.panel_id = f.panel_id AND k.country_iso3 = \(country)))
                """)
        }
        if let review { c.append("f.review = \(review.rawValue) AND f.withdrawn_at IS NULL") }
        if let moderation { c.append("f.moderation = \(moderation.rawValue) AND f.withdrawn_at IS NULL") }
        if mine { c.append("f.author_id = \(reader)") }
        if awaitingAnswer {
            c.append(
                """
                f.review IN ('new', 'acknowledged') AND f.withdrawn_at IS NULL
                AND f.id IN (SELECT a.id FROM feedback_answerable_by(\(reader)) a WHERE a.pledge_id IN \(PledgeAccess.ownedPledgeIDs(reader))
                             UNION ALL
                             SELECT a.id FROM feedback_answerable_by(\(reader)) a
                             WHERE EXISTS (SELECT 1 FROM user_role WHERE user_id = \(reader) AND role = 'secretariat'))
                """)
        }
        return SQL.join(c, separator: " AND ")
    }

    func queryString(page: Int? = nil) -> String {
        var items: [(String, String)] = []
        if let panel { items.append(("panel", String(panel))) }
        if let measure { items.append(("measure", String(measure))) }
        if let pledge { items.append(("pledge", String(pledge))) }
        if let country { items.append(("country", country)) }
        if let review { items.append(("review", review.rawValue)) }
        if let moderation { items.append(("moderation", moderation.rawValue)) }
        if mine { items.append(("mine", "1")) }
        if awaitingAnswer { items.append(("awaiting", "1")) }
        let p = page ?? self.page
        if p > 1 { items.append(("page", String(p))) }
        return items.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }
}
