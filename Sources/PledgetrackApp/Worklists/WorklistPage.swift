import Markup

/// A signed-in person's worklist: for each of their roles, what waits for them, as links
/// into the lists with how many rows each shows.
struct WorklistPage: PageView {
    struct Work: Sendable {
        var focalPoint: WorklistQueries.FocalPoint?
        var secretariat: WorklistQueries.Secretariat?
        var facilitator: WorklistQueries.Facilitator?
        /// For an admin who is not also secretariat (the secretariat's queue has it).
        var entitiesWithoutFocalPoint: Int?
        var isAdmin = false
        var unreadNotices = 0
    }

    let work: Work

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        var sections: [HTML] = []
        if let f = work.focalPoint {
            sections.append(
                section(
                    .worklistMyPledges,
                    [
                        (.worklistAllMyPledges, "/pledges?mine=1", f.pledges),
                        (.worklistOverdue, "/pledges?mine=1&overdue=1", f.overdue),
                        (.worklistSentBack, "/pledges?mine=1&validation=sent_back", f.sentBack),
                        (.worklistStale, "/pledges?mine=1&stale=1", f.stale),
                        (.worklistAwaitingAnswer, "/feedback?awaiting=1", f.awaitingAnswer),
                    ], context))
        }
        if let s = work.secretariat {
            let reviews = Review.allCases.map { review -> (Strings.Key, String, Int) in
                (review.label, "/feedback?review=\(review.rawValue)", s.feedbackByReview[review] ?? 0)
            }
            sections.append(
                section(
                    .worklistQueue,
                    [
                        (.worklistWaitingValidation, "/pledges?validation=pending", s.waitingValidation),
                        (.worklistAwaitingModeration, "/feedback/moderation", s.awaitingModeration),
                        (.worklistOverdueAll, "/pledges?overdue=1", s.overdue),
                        (.worklistStaleAll, "/pledges?stale=1", s.stale),
                        (.worklistEntitiesWithoutFocalPoint, "/admin/entities?without_focal_point=1", s.entitiesWithoutFocalPoint),
                    ], context))
            sections.append(section(.worklistFeedbackByReview, reviews, context))
        }
        if let f = work.facilitator {
            sections.append(
                section(
                    .worklistPanels,
                    [
                        (.worklistYourPanels, "/panels", f.panels),
                        (.worklistAwaitingModeration, "/feedback/moderation", f.awaitingModeration),
                    ], context))
        }
        if let count = work.entitiesWithoutFocalPoint {
            sections.append(
                section(.worklistAccounts, [(.worklistEntitiesWithoutFocalPoint, "/admin/entities?without_focal_point=1", count)], context))
        }
        if work.isAdmin {
            sections.append(
                """
                <p><a href="/admin/users">\(t[.navUsers])</a> · <a href="/admin/audit">\(t[.navAudit])</a></p>
                """)
        }
        let notices: HTML =
            work.unreadNotices > 0
            ? """
            <div class="flash flash-warning" role="status"><p>\(t.format(.worklistUnreadNotices, numbers: ["count": work.unreadNotices]))
            <a href="/account#notices">\(t[.worklistReadNotices])</a></p></div>
            """ : .empty
        return Page(
            title: t[.worklistTitle],
            content: """
                \(notices)
                <p class="lead">\(t[.worklistIntro])</p>
                \(sections.isEmpty ? "<p>\(t[.worklistNothingAssigned])</p>" as HTML : HTML.join(sections))
                """)
    }

    /// A heading and its links, each with its count; a count of nothing says "none".
    private func section(_ heading: Strings.Key, _ items: [(Strings.Key, String, Int)], _ context: PageContext) -> HTML {
        let t = context.strings
        let rows = items.map { item -> HTML in
            let (label, href, count) = item
            let number: HTML =
                count == 0
                ? "<span class=\"count count-none\">\(t[.worklistNone])</span>"
                : "<span class=\"count\">\(Formatting.number(count, context.language))</span>"
            return "<li><a href=\"\(href)\">\(t[label])</a> \(number)</li>"
        }
        return "<section class=\"worklist\"><h2>\(t[heading])</h2><ul class=\"worklist-items\">\(rows)</ul></section>"
    }
}
