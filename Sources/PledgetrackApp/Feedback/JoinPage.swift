import Markup

/// `/join/{token}`: a new panel member chooses a pseudonym and a password. No real name,
/// phone or address is asked for; an e-mail only if they want one for signing in.
struct JoinPage: PageView {
    let panelName: String
    let token: String
    let input: JoinForm
    let errors: FieldErrors

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.joinTitle],
            content: """
                <p>\(Bidi.format(t, .joinIntro, "panel", Bidi.isolate(panelName)))</p>
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/join/\(token)", csrfToken: context.csrfToken, """
                \(FormViews.field("pseudonym", label: t[.fieldPseudonym], value: input.pseudonym, error: errors["pseudonym"],
                                  hint: t[.pseudonymHint], autocomplete: "username", t))
                \(FormViews.field("password", label: t[.fieldPassword], type: "password", error: errors["password"],
                                  hint: t[.passwordRules], autocomplete: "new-password", t))
                \(FormViews.field("password_confirmation", label: t[.fieldConfirmPassword], type: "password",
                                  error: errors["password_confirmation"], autocomplete: "new-password", t))
                \(FormViews.field("email", label: t[.fieldEmailOptional], value: input.email, type: "email", error: errors["email"],
                                  hint: t[.joinEmailHint], autocomplete: "email", required: false, t))
                \(FormViews.button(t[.joinButton]))
                """))
                <p><a href="/feedback/consent">\(t[.noticeLink])</a> · <a href="/feedback/staying-safe">\(t[.stayingSafeLink])</a></p>
                """, showsSecret: true)
    }

    static func invalid(_ t: Strings) -> Page {
        Page(title: t[.joinInvalidTitle], content: "<p>\(t[.joinInvalidBody])</p>")
    }
}
