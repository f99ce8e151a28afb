import Markup

/// `/invite/{token}`: choose a password.
struct InvitationPage: PageView {
    let invitation: Invitations.Open
    let token: String
    let errors: FieldErrors

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.inviteTitle],
            content: """
                <p>\(Bidi.format(t, .inviteIntro, ["name": Bidi.isolate(invitation.displayName), "email": Bidi.ltr(invitation.email)]))</p>
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/invite/\(token)", csrfToken: context.csrfToken, """
                <input type="hidden" name="email" value="\(invitation.email)" autocomplete="username">
                \(FormViews.field("password", label: t[.fieldNewPassword], type: "password", error: errors["password"], hint: t[.passwordRules], autocomplete: "new-password", t))
                \(FormViews.field("password_confirmation", label: t[.fieldConfirmPassword], type: "password", error: errors["password_confirmation"], autocomplete: "new-password", t))
                \(FormViews.button(t[.inviteButton]))
                """))
                """, showsSecret: true)
    }

    static func invalid(_ t: Strings) -> Page {
        Page(
            title: t[.inviteInvalidTitle],
            content: """
                <p>\(t[.inviteInvalidBody])</p>
                <p><a href="/login">\(t[.navSignIn])</a></p>
                """)
    }
}
