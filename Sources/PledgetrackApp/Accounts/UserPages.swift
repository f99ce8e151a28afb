import Foundation
import Markup

/// `/admin/users`: every account, its roles, entities and state.
struct UserListPage: PageView {
    let users: [AccountQueries.Listed]
    let total: Int
    let page: Int

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let rows = users.map { user -> HTML in
            let roles = user.roles.map { t[RoleNames.key($0)] }.joined(separator: ", ")
            let seen = user.lastSeen.map { Formatting.dateTime($0, context.language) } ?? t[.never]
            return """
                <tr><th scope="row">\(Bidi.link("/admin/users/\(user.id)", user.displayName))</th><td>\(Bidi.ltr(user.email))</td>
                <td>\(roles)</td><td>\(Bidi.list(user.entities, context.language))</td><td>\(t[UserPages.statusKey(user.status)])</td><td>\(seen)</td></tr>
                """
        }
        let pages = (total + AccountQueries.pageSize - 1) / AccountQueries.pageSize
        let pager: HTML =
            pages > 1
            ? """
            <nav class="pager" aria-label="\(t[.pagination])">
            \(page > 1 ? "<a rel=\"prev\" href=\"/admin/users?page=\(page - 1)\">\(t[.previousPage])</a>" as HTML : .empty)
            <span>\(t.format(.pageOf, numbers: ["page": page, "pages": pages]))</span>
            \(page < pages ? "<a rel=\"next\" href=\"/admin/users?page=\(page + 1)\">\(t[.nextPage])</a>" as HTML : .empty)
            </nav>
            """ : .empty
        return Page(
            title: t[.usersTitle],
            content: """
                <p><a class="button" href="/admin/users/new">\(t[.inviteUserButton])</a></p>
                <p>\(t.format(.usersCount, numbers: ["count": total]))</p>
                \(FormViews.scrollRegion(t[.usersTitle]))<table><caption class="visually-hidden">\(t[.usersTitle])</caption>
                <thead><tr><th scope="col">\(t[.fieldName])</th><th scope="col">\(t[.fieldEmail])</th><th scope="col">\(t[.fieldRoles])</th>
                <th scope="col">\(t[.fieldEntities])</th><th scope="col">\(t[.fieldStatus])</th><th scope="col">\(t[.lastSignedIn])</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                \(pager)
                """)
    }
}

/// `/admin/users/new` and `/admin/users/{id}`: the account form, and on an existing account
/// the buttons that disable it, end its sessions or make a new set-password link.
struct UserEditPage: PageView {
    enum Mode {
        case invite
        case edit(AccountQueries.Detail)
    }

    let mode: Mode
    let input: UserForm
    let entities: [AccountQueries.EntityOption]
    let errors: FieldErrors
    let actor: SignedInUser?

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let crumbs: [Page.Crumb] = [.init(title: t[.usersTitle], href: "/admin/users")]
        let roleOptions = Role.allCases.filter { $0 != .panelMember || input.roles.contains(.panelMember) }
            .filter { $0 != .admin || actor?.has(.admin) == true || input.roles.contains(.admin) }
            .map { ($0.rawValue, t[RoleNames.key($0)], input.roles.contains($0)) }
        let entityOptions = entities.map { FormViews.PickerOption(value: String($0.id), label: $0.name) }
        let fields: HTML = """
            \(FormViews.field("display_name", label: t[.fieldName], value: input.displayName, error: errors["display_name"], hint: t[.displayNameHint], t))
            \(FormViews.checkboxes("role", legend: t[.fieldRoles], options: roleOptions, error: errors["role"], t))
            \(FormViews.checkboxPicker("entity", legend: t[.fieldEntities], options: entityOptions, chosen: input.entityIDs.sorted().map(String.init), search: input.search["entity"], error: errors["entity"], t))
            """
        switch mode {
        case .invite:
            return Page(
                title: t[.inviteUserTitle], breadcrumbs: crumbs,
                content: """
                    <p>\(t[.inviteUserIntro])</p>
                    \(FormViews.errorSummary(errors, t))
                    \(FormViews.form(action: "/admin/users/new", csrfToken: context.csrfToken, """
                    \(FormViews.field("email", label: t[.fieldEmail], value: input.email, type: "email", error: errors["email"], autocomplete: "off", t))
                    \(fields)
                    \(FormViews.button(t[.inviteUserButton]))
                    """))
                    """)
        case .edit(let user):
            let base = "/admin/users/\(user.id)"
            let isSelf = actor?.id == user.id
            let statusLine = "\(t[UserPages.statusKey(user.status)])\(user.hasSecondFactor ? " · " + t[.secondFactorOn] : "")"
            // Ordinary actions are plain buttons; signing out everywhere and disabling are red,
            // set apart, and say what they do before a second step asks for the click.
            let enable = FormViews.form(
                action: "\(base)/enable", csrfToken: context.csrfToken, FormViews.button(t[.enableButton], secondary: true))
            // The name inside these sentences and the page's title is isolated (U+2068 … U+2069).
            let name = Bidi.plain(user.displayName)
            let endSessions = FormViews.destructiveAction(
                explanation: t.format(.endSessionsExplanation, "name", name), summary: t[.endSessionsButton],
                button: t.format(.endSessionsConfirm, "name", name), action: "\(base)/end-sessions",
                csrfToken: context.csrfToken)
            let disable = FormViews.destructiveAction(
                explanation: t.format(.disableExplanation, "name", name), summary: t[.disableButton],
                button: t.format(.disableConfirm, "name", name), action: "\(base)/disable", csrfToken: context.csrfToken)
            if user.survivor {
                // A survivor's account: nothing to edit, no password link; staff may only end
                // its sessions or disable it (for the member's safety), and never enable a deleted one.
                return Page(
                    title: name, breadcrumbs: crumbs,
                    content: """
                        <dl class="facts"><dt>\(t[.fieldStatus])</dt><dd>\(statusLine)</dd></dl>
                        <p>\(t[.survivorAccountNote])</p>
                        <h2>\(t[.accountActionsHeading])</h2>
                        \(user.deleted || user.status != .disabled ? .empty : "<div class=\"actions\">\(enable)</div>" as HTML)
                        \(endSessions)
                        \(user.deleted || user.status == .disabled ? .empty : disable)
                        """)
            }
            return Page(
                title: name, breadcrumbs: crumbs,
                content: """
                    <dl class="facts"><dt>\(t[.fieldEmail])</dt><dd>\(Bidi.ltr(user.email))</dd>
                    <dt>\(t[.fieldStatus])</dt><dd>\(statusLine)</dd></dl>
                    \(FormViews.errorSummary(errors, t))
                    \(FormViews.form(action: base, csrfToken: context.csrfToken, """
                    \(fields)
                    \(FormViews.button(t[.saveButton]))
                    """, label: t[.editUserHeading]))
                    <h2>\(t[.accountActionsHeading])</h2>
                    <div class="actions">
                    \(user.status == .disabled ? .empty : FormViews.form(action: "\(base)/invitation", csrfToken: context.csrfToken, FormViews.button(t[.newInvitationButton], secondary: true)))
                    \(isSelf || user.deleted || user.status != .disabled ? .empty : enable)
                    </div>
                    \(endSessions)
                    \(isSelf || user.deleted || user.status == .disabled ? .empty : disable)
                    """)
        }
    }
}

/// The one-time link to hand to the person, shown once.
struct InvitationLinkPage: PageView {
    let userID: Int
    let name: String
    let link: String

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.invitationLinkTitle], breadcrumbs: [.init(title: t[.usersTitle], href: "/admin/users")],
            content: """
                <p>\(Bidi.format(t, .invitationLinkIntro, ["name": Bidi.isolate(name)], numbers: ["hours": Invitations.validHours]))</p>
                <p><label for="invitation-link">\(t[.invitationLinkLabel])</label><br>
                <input id="invitation-link" class="wide" type="text" readonly value="\(link)"></p>
                <p class="hint">\(t[.invitationLinkOnce])</p>
                <p><a href="/admin/users/\(userID)">\(Bidi.format(t, .backToUser, "name", Bidi.isolate(name)))</a></p>
                """, showsSecret: true)
    }
}

enum UserPages {
    static func statusKey(_ status: AccountQueries.Status) -> Strings.Key {
        switch status {
        case .active: .statusActive
        case .invited: .statusInvited
        case .disabled: .statusDisabled
        }
    }
}
