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

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let roles = user.roles.sorted().map { t[RoleNames.key($0)] }.joined(separator: ", ")
        return Page(title: t[.accountTitle], content: """
            <dl class="facts">
            <dt>\(t[.fieldName])</dt><dd>\(user.displayName)</dd>
            <dt>\(t[.fieldEmail])</dt><dd>\(user.email)</dd>
            <dt>\(t[.fieldRoles])</dt><dd>\(roles)</dd>
            </dl>
            <h2 id="password-heading">\(t[.changePasswordHeading])</h2>
            \(FormViews.errorSummary(errors, t))
            \(FormViews.form(action: "/account/password", csrfToken: context.csrfToken, """
                <input type="hidden" name="email" value="\(user.email)" autocomplete="username">
                \(FormViews.field("current_password", label: t[.fieldCurrentPassword], type: "password", error: errors["current_password"], autocomplete: "current-password", t))
                \(FormViews.field("password", label: t[.fieldNewPassword], type: "password", error: errors["password"], hint: t[.passwordRules], autocomplete: "new-password", t))
                \(FormViews.field("password_confirmation", label: t[.fieldConfirmPassword], type: "password", error: errors["password_confirmation"], autocomplete: "new-password", t))
                \(FormViews.button(t[.changePasswordButton]))
                """, label: t[.changePasswordHeading]))
            <h2>\(t[.sessionsHeading])</h2>
            \(sessionTable(context))
            \(sessions.count > 1 ? FormViews.form(action: "/account/sessions/end-others", csrfToken: context.csrfToken, FormViews.button(t[.endOtherSessionsButton], secondary: true)) : .empty)
            """)
    }

    private func sessionTable(_ context: PageContext) -> HTML {
        let t = context.strings
        let rows = sessions.map { s -> HTML in
            """
            <tr><td>\(Formatting.dateTime(s.started, context.language))\(if: s.isCurrent, " <strong>(\(t[.thisSession]))</strong>")</td>
            <td>\(Formatting.dateTime(s.lastSeen, context.language))</td><td>\(s.client)</td><td>\(String(s.userAgent.prefix(80)))</td></tr>
            """
        }
        return """
            <table><caption class="visually-hidden">\(t[.sessionsHeading])</caption>
            <thead><tr><th scope="col">\(t[.sessionStarted])</th><th scope="col">\(t[.sessionLastSeen])</th>
            <th scope="col">\(t[.sessionAddress])</th><th scope="col">\(t[.sessionBrowser])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
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
