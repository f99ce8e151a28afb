import Markup

/// `/feedback/moderation`: what waits for a moderator: new feedback to publish, flagged or
/// hidden feedback to look at again. The texts are opened one by one (an audited read).
struct ModerationQueuePage: PageView {
    let items: [FeedbackQueries.Item]

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.moderationQueueTitle], breadcrumbs: [.init(title: t[.feedbackTitle], href: "/feedback")],
            content: """
                <p>\(t[.moderationQueueIntro])</p>
                \(FeedbackViews.list(items, showModeration: true, empty: .moderationQueueEmpty, t))
                """)
    }
}
