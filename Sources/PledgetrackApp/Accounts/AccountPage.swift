import Foundation
import Markup

/// `/account`: who you are signed in as, your password, and where you are signed in.
struct AccountPage: PageView {
    struct SessionRow: Sendable {
        let started: Date
        let lastSeen: Date
        let client: String
        let userAgent: String
        let isCurrent: Bool
    }

    let user: SignedInUser
    let sessions: [SessionRow]
    let errors: FieldErrors
    var notices: [SecurityNotices.Notice] = []
    /// The account has an authenticator (it can be replaced from here).
    var hasSecondFactor = false

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let roles = user.roles.sorted().map { t[RoleNames.key($0)] }.joined(separator: ", ")
        return Page(
            title: t[.accountTitle],
            content: """
                \(noticePanel(context))
                <dl class="facts">
                <dt>\(t[.fieldName])</dt><dd>\(Bidi.isolate(user.displayName))</dd>
                <dt>\(t[.fieldEmail])</dt><dd>\(Bidi.ltr(user.email))</dd>
                <dt>\(t[.fieldRoles])</dt><dd>\(roles)</dd>
                </dl>
                <h2 id="language-heading">\(t[.languageSwitcher])</h2>
                \(FormViews.form(action: "/account/language", csrfToken: context.csrfToken, """
                \(FormViews.select("language", label: t[.fieldInterfaceLanguage],
                    options: Language.allCases.map { ($0.rawValue, $0.autonym, $0 == (user.language ?? context.language)) },
                    error: errors["language"], t))
                \(FormViews.button(t[.saveButton]))
                """, label: t[.fieldInterfaceLanguage]))
                <h2 id="password-heading">\(t[.changePasswordHeading])</h2>
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/account/password", csrfToken: context.csrfToken, """
                <input type="hidden" name="email" value="\(user.email)" autocomplete="username">
                \(FormViews.field("current_password", label: t[.fieldCurrentPassword], type: "password", error: errors["current_password"], autocomplete: "current-password", t))
                \(FormViews.field("password", label: t[.fieldNewPassword], type: "password", error: errors["password"], hint: t[.passwordRules], autocomplete: "new-password", t))
                \(FormViews.field("password_confirmation", label: t[.fieldConfirmPassword], type: "password", error: errors["password_confirmation"], autocomplete: "new-password", t))
                \(FormViews.button(t[.changePasswordButton]))
                """, label: t[.changePasswordHeading]))
                \(if: hasSecondFactor, """
                <h2>\(t[.secondFactorHeading])</h2>
                <p>\(t[.secondFactorReplaceIntro])</p>
                <p><a class="button secondary" href="/account/second-factor">\(t[.secondFactorReplaceLink])</a></p>
                """)
                <h2>\(t[.sessionsHeading])</h2>
                \(sessionTable(context))
                \(sessions.count > 1 ? FormViews.destructiveAction(
                    explanation: t[.endOtherSessionsExplanation], summary: t[.endOtherSessionsButton], button: t[.endOtherSessionsConfirm],
                    action: "/account/sessions/end-others", csrfToken: context.csrfToken) : .empty)
                """)
    }

    /// What happened to the account that its owner should know: shown until marked read.
    private func noticePanel(_ context: PageContext) -> HTML {
        guard !notices.isEmpty else { return .empty }
        let t = context.strings
        let items = notices.map { n -> HTML in
            "<li>\(Formatting.dateTime(n.at, context.language)): \(t[SecurityNoticeText.key(n.kind)])</li>"
        }
        return """
            <div class="flash flash-warning" role="alert">
            <h2 id="notices">\(t[.securityNoticesHeading])</h2>
            <ul>\(items)</ul>
            <p>\(t[.securityNoticesAdvice])</p>
            \(FormViews.form(action: "/account/notices/seen", csrfToken: context.csrfToken, FormViews.button(t[.securityNoticesSeen], secondary: true)))
            </div>
            """
    }

    private func sessionTable(_ context: PageContext) -> HTML {
        let t = context.strings
        let rows = sessions.map { s -> HTML in
            """
            <tr><td>\(Formatting.dateTime(s.started, context.language))\(if: s.isCurrent, " <strong>(\(t[.thisSession]))</strong>")</td>
            <td>\(Formatting.dateTime(s.lastSeen, context.language))</td><td>\(Bidi.ltr(s.client))</td><td>\(Bidi.ltr(String(s.userAgent.prefix(80))))</td></tr>
            """
        }
        return """
            \(FormViews.scrollRegion(t[.sessionsHeading]))<table class="sessions"><caption class="visually-hidden">\(t[.sessionsHeading])</caption>
            <thead><tr><th scope="col">\(t[.sessionStarted])</th><th scope="col">\(t[.sessionLastSeen])</th>
            <th scope="col">\(t[.sessionAddress])</th><th scope="col">\(t[.sessionBrowser])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }
}

/// The words for each kind of security notice.
enum SecurityNoticeText {
    static func key(_ kind: SecurityNotices.Kind) -> Strings.Key {
        switch kind {
        case .secondFactorEnrolled: .noticeSecondFactorEnrolled
        case .secondFactorReplaced: .noticeSecondFactorReplaced
        case .recoveryCodeUsed: .noticeRecoveryCodeUsed
        case .rolesChanged: .noticeRolesChanged
        case .secondFactorLocked: .noticeSecondFactorLocked
        case .passwordChanged: .noticePasswordChanged
        }
    }
}

/// `/account/second-factor`: replace the authenticator, after giving the current one's code
/// (or a recovery code) and a code from the new one.
struct ReplaceSecondFactorPage: PageView {
    let secret: String
    let email: String
    let errors: FieldErrors

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.secondFactorReplaceTitle],
            content: """
                <p>\(t[.secondFactorReplaceIntro])</p>
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/account/second-factor", csrfToken: context.csrfToken, """
                \(FormViews.field("current_code", label: t[.fieldCurrentCode], error: errors["current_code"], hint: t[.secondFactorHint], autocomplete: "one-time-code", t))
                \(EnrolmentPage.steps(secret: secret, email: email, t))
                \(FormViews.field("code", label: t[.fieldNewCode], error: errors["code"], autocomplete: "one-time-code", t))
                \(FormViews.button(t[.secondFactorReplaceButton]))
                """))
                """, showsSecret: true)
    }
}

/// Role names as people read them.
enum RoleNames {
    static func key(_ role: Role) -> Strings.Key {
        switch role {
        case .admin: .roleAdmin
        case .secretariat: .roleSecretariat
        case .focalPoint: .roleFocalPoint
        case .panelFacilitator: .rolePanelFacilitator
        case .panelMember: .rolePanelMember
        }
    }
}
