import Markup

/// `/panels/{id}/links`: before a one-time link for a new member is made, what it does; the
/// link itself is shown once, on the panel's page, after the button.
struct JoinLinkPage: PageView {
    let panelID: Int
    let panelName: String

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.newJoinLinkButton], breadcrumbs: [.init(title: panelName, href: "/panels/\(panelID)")],
            content: """
                <p>\(t[.newJoinLinkHint])</p>
                \(FormViews.form(action: "/panels/\(panelID)/links", csrfToken: context.csrfToken, FormViews.button(t[.newJoinLinkButton])))
                """)
    }
}
