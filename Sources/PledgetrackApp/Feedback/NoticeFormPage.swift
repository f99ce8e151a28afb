import Markup

/// `/feedback/consent/edit`: the secretariat writes the next version of the notice, starting
/// from the current one.
struct NoticeFormPage: PageView {
    let current: ConsentNotice
    let text: String
    let errors: FieldErrors

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.noticeEditTitle], breadcrumbs: [.init(title: t[.noticeTitle], href: "/feedback/consent")],
            content: """
                <p>\(t.format(.noticeEditIntro, numbers: ["version": current.version + 1]))</p>
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/feedback/consent/edit", csrfToken: context.csrfToken, """
                \(FormViews.textarea("body", label: t[.fieldNoticeText], value: text, error: errors["body"], hint: t[.noticeTextHint], t))
                \(FormViews.button(t[.publishNoticeButton]))
                """))
                """)
    }
}
