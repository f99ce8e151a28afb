import Foundation
import Markup

/// The pieces feedback pages share: one item in a list, who wrote it, its badges, and the
/// text behind its content note.
enum FeedbackViews {
    /// Who wrote it; the pseudonym and the panel's name isolated, as every name is.
    static func attribution(_ item: FeedbackQueries.Item, _ t: Strings) -> HTML {
        switch item.attribution {
        case .you: HTML(text: t[.feedbackByYou])
        case .pseudonym(let name):
            Bidi.format(t, .feedbackByPseudonym, ["name": Bidi.isolate(name), "panel": Bidi.isolate(item.panelName)])
        case .panelMember: Bidi.format(t, .feedbackByPanel, "panel", Bidi.isolate(item.panelName))
        }
    }

    static func badges(_ item: FeedbackQueries.Item, showModeration: Bool, _ t: Strings) -> HTML {
        var parts: [HTML] = ["<span class=\"badge\">\(t.format(.scopeBadge, "scope", t[item.scope.label]))</span>"]
        if item.withdrawn {
            parts.append("<span class=\"badge\">\(t[.feedbackWithdrawnBadge])</span>")
        } else {
            parts.append("<span class=\"badge\">\(t[item.review.label])</span>")
            if showModeration || item.moderation != .published {
                parts.append("<span class=\"badge\(if: item.moderation != .published, " badge-warn")\">\(t[item.moderation.label])</span>")
            }
        }
        if showModeration, item.openFlags > 0 {
            parts.append("<span class=\"badge badge-warn\">\(t.format(.openFlags, numbers: ["count": item.openFlags]))</span>")
        }
        if showModeration, item.outsidePanel { parts.append("<span class=\"badge badge-warn\">\(t[.outsidePanelBadge])</span>") }
        return HTML.join(parts)
    }

    /// The text, behind a deliberate "show" when its author added a content note. The text is
    /// a block in its author's direction (`dir="auto"`), whatever the page's.
    static func text(_ item: FeedbackQueries.Item, _ t: Strings) -> HTML {
        guard let body = item.body else {
            return item.withdrawn
                ? "<p class=\"feedback-meta\">\(t[.feedbackWithdrawnText])</p>" : "<p class=\"feedback-meta\">\(t[.feedbackOpenToRead])</p>"
        }
        // Shown as written, in its own language and direction, saying which when it is not the reader's.
        let written: HTML =
            item.language == t.language
            ? .empty : "<p class=\"language-note\">\(t.format(.writtenIn, "language", t.language.name(of: item.language)))</p>"
        let text: HTML = "<div class=\"feedback-text\" lang=\"\(item.language.rawValue)\"\(Bidi.auto)>\(body)</div>\(written)"
        guard let note = item.contentNote else { return text }
        return """
            <details class="content-note"><summary>\(Bidi.format(t, .contentNoteSummary, "note", Bidi.isolate(note)))</summary>
            \(text)</details>
            """
    }

    static func about(_ item: FeedbackQueries.Item, _ t: Strings) -> HTML {
        guard let pledgeID = item.pledgeID else { return "<p class=\"feedback-meta\">\(t[.feedbackAboutMeasure18])</p>" }
        guard let title = item.pledgeTitle else { return "<p class=\"feedback-meta\">\(t[.feedbackAboutRestrictedPledge])</p>" }
        let milestone: HTML =
            item.milestoneTitle.map { " · \(Bidi.format(t, .feedbackAboutMilestone, "milestone", Bidi.isolate($0)))" } ?? .empty
        return "<p class=\"feedback-meta\">\(t[.feedbackAboutPledge]) \(Bidi.link("/pledges/\(pledgeID)", title))\(milestone)</p>"
    }

    /// One item in a list: a heading linking to it, who and when, badges, and the text.
    static func listItem(_ item: FeedbackQueries.Item, showModeration: Bool, _ t: Strings) -> HTML {
        """
        <li class="feedback-item" id="feedback-\(item.id)">
        <h3><a href="/feedback/\(item.id)">\(t.format(.feedbackNumber, numbers: ["number": item.id]))</a></h3>
        <p class="feedback-meta">\(attribution(item, t)) · \(Bidi.time(Formatting.iso(item.createdAt), Formatting.date(item.createdAt, t.language)))\(if: item.answers > 0, " · \(t.format(.answersCount, numbers: ["count": item.answers]))")</p>
        <p>\(badges(item, showModeration: showModeration, t))</p>
        \(about(item, t))
        \(text(item, t))
        </li>
        """
    }

    static func list(_ items: [FeedbackQueries.Item], showModeration: Bool, empty: Strings.Key, _ t: Strings) -> HTML {
        guard !items.isEmpty else { return "<p>\(t[empty])</p>" }
        return "<ul class=\"feedback-list\">\(items.map { listItem($0, showModeration: showModeration, t) })</ul>"
    }

    /// "Feedback you can read: 42", or "more than 1,000" when the count reached its cap.
    static func found(_ total: Int, _ t: Strings) -> String {
        total > FeedbackQueries.countCap
            ? t.format(.feedbackFoundMany, numbers: ["count": FeedbackQueries.countCap])
            : t.format(.feedbackFound, numbers: ["count": total])
    }

    static func pager(path: String, _ filter: FeedbackFilter, total: Int, _ t: Strings) -> HTML {
        let pages = max(1, (total + FeedbackFilter.pageSize - 1) / FeedbackFilter.pageSize)
        guard pages > 1 else { return .empty }
        let previous: HTML =
            filter.page > 1
            ? "<a rel=\"prev\" href=\"\(path)?\(filter.queryString(page: filter.page - 1))\">\(t[.previousPage])</a>" : .empty
        let next: HTML =
            filter.page < pages
            ? "<a rel=\"next\" href=\"\(path)?\(filter.queryString(page: filter.page + 1))\">\(t[.nextPage])</a>" : .empty
        return
            "<nav class=\"pager\" aria-label=\"\(t[.pagination])\">\(previous)<span>\(t.format(.pageOf, numbers: ["page": filter.page, "pages": pages]))</span>\(next)</nav>"
    }
}
