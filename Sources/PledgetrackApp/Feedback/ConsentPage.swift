import Markup

/// `/feedback/consent`: the notice in plain language, readable by anyone; a member accepts
/// the current version here before posting.
struct ConsentPage: PageView {
    let notice: ConsentNotice
    let membership: PanelQueries.Membership?
    let next: String?

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let paragraphs = notice.paragraphs.map { p -> HTML in
            p.heading.isEmpty ? "<p>\(p.text)</p>" : "<h2>\(p.heading)</h2><p>\(p.text)</p>"
        }
        return Page(
            title: t[.noticeTitle], breadcrumbs: [.init(title: t[.feedbackTitle], href: "/feedback")],
            content: """
                <p class="feedback-meta">\(t.format(.noticeVersion, ["date": Formatting.date(notice.publishedAt, t.language)], numbers: ["version": notice.version]))</p>
                <div class="notice">\(paragraphs)</div>
                \(acceptance(context, t))
                \(if: context.user?.has(.secretariat) == true, "<p><a href=\"/feedback/consent/edit\">\(t[.noticeEditLink])</a></p>")
                """)
    }

    private func acceptance(_ context: PageContext, _ t: Strings) -> HTML {
        guard let membership else { return .empty }
        if membership.hasConsented { return "<p class=\"flash flash-success\">\(t[.noticeAccepted])</p>" }
        let changed: HTML = membership.consentVersion != nil ? "<p>\(t[.noticeChanged])</p>" : .empty
        return FormViews.form(
            action: "/feedback/consent", csrfToken: context.csrfToken,
            """
            \(changed)
            <input type="hidden" name="version" value="\(notice.version)">
            <input type="hidden" name="next" value="\(next ?? "/feedback/new")">
            \(FormViews.button(t[.acceptNotice]))
            <p class="hint">\(t[.noticeNoPressure])</p>
            """)
    }
}
