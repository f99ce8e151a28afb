import Markup

/// `/feedback/staying-safe`: how to leave quickly and leave fewer traces.
struct StayingSafePage: PageView {
    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let tips: [Strings.Key] = [.safeTipQuickExit, .safeTipPrivate, .safeTipHistory, .safeTipSignOut, .safeTipDevice, .safeTipHelp]
        return Page(
            title: t[.stayingSafeTitle], breadcrumbs: [.init(title: t[.feedbackTitle], href: "/feedback")],
            content: """
                <p>\(t[.stayingSafeIntro])</p>
                <ul>\(tips.map { "<li>\(t[$0])</li>" as HTML })</ul>
                """)
    }
}
