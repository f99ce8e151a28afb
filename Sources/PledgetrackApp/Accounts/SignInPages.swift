import Markup

/// `/login`: e-mail and password.
struct SignInPage: PageView {
    let email: String
    let next: String
    let errors: FieldErrors
    /// A message about the whole form (too many attempts).
    let notice: Strings.Key?

    /// Only a path on this site may follow sign-in: never another site (open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let next = LocalPath.checked(next), !next.hasPrefix("/login") else { return "/work" }
        return next
    }

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let noticeHTML: HTML = notice.map { "<div class=\"flash flash-error\" role=\"alert\">\(t[$0])</div>" } ?? .empty
        return Page(
            title: t[.signInTitle],
            content: """
                \(noticeHTML)
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/login", csrfToken: context.csrfToken, """
                <input type="hidden" name="next" value="\(next)">
                \(FormViews.field("email", label: t[.fieldSignInName], value: email, error: errors["email"], autocomplete: "username", t))
                \(FormViews.field("password", label: t[.fieldPassword], type: "password", error: errors["password"], autocomplete: "current-password", t))
                \(FormViews.button(t[.signInButton]))
                """))
                <p class="hint">\(t[.signInHelp])</p>
                """)
    }
}

/// `/login/second-factor`: the six-digit code, or a recovery code.
struct SecondFactorPage: PageView {
    let errors: FieldErrors

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.secondFactorTitle],
            content: """
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/login/second-factor", csrfToken: context.csrfToken, """
                \(FormViews.field("code", label: t[.fieldCode], error: errors["code"], hint: t[.secondFactorHint], autocomplete: "one-time-code", t))
                \(FormViews.button(t[.continueButton]))
                """))
                """)
    }
}

/// `/login/enrol`: set up an authenticator app (required for admin and secretariat).
struct EnrolmentPage: PageView {
    let secret: String
    let email: String
    let errors: FieldErrors

    /// The three steps of setting up an authenticator app with this secret (here and when replacing one).
    static func steps(secret: String, email: String, _ t: Strings) -> HTML {
        """
        <ol class="steps">
        <li>\(t[.enrolStepApp])</li>
        <li>\(t[.enrolStepKey]) <code class="secret">\(SecondFactor.base32(secret))</code>
            <a href="\(SecondFactor.authenticatorURL(secret: secret, email: email))">\(t[.enrolOpenApp])</a></li>
        <li>\(t[.enrolStepCode])</li>
        </ol>
        """
    }

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.enrolTitle],
            content: """
                <p>\(t[.enrolIntro])</p>
                \(Self.steps(secret: secret, email: email, t))
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/login/enrol", csrfToken: context.csrfToken, """
                \(FormViews.field("code", label: t[.fieldCode], error: errors["code"], autocomplete: "one-time-code", t))
                \(FormViews.button(t[.enrolButton]))
                """))
                """, showsSecret: true)
    }
}

/// Shown once after enrolment: the recovery codes.
struct RecoveryCodesPage: PageView {
    let codes: [String]

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let items = codes.map { code -> HTML in "<li><code>\(code)</code></li>" }
        return Page(
            title: t[.recoveryTitle],
            content: """
                <div class="flash flash-warning" role="status">\(t[.recoveryOnce])</div>
                <ul class="codes">\(items)</ul>
                <p><a class="button" href="/account">\(t[.continueButton])</a></p>
                """, showsSecret: true)
    }
}
