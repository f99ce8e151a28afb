import Foundation

/// The interface's words, looked up by key in the reader's language, English when a
/// translation is missing. Every piece of text a page shows comes from here (or from the
/// database, for reference data and what people typed).
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public subscript(_ key: Key) -> String {
        Self.tables[language]?[key] ?? Self.english[key] ?? key.rawValue
    }

    /// A text with `{name}` placeholders filled in.
    public func format(_ key: Key, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public enum Key: String, Sendable, CaseIterable {
        case siteName, siteTagline, skipToContent, mainNavigation, navHome, navMeasures, breadcrumbs
        case footerAbout, footerSources
        case homeTitle, homeIntro, homeMeasuresHeading, homeMeasuresIntro
        case measuresTitle, measuresIntro
        case measureNumber, measureTheme, measureSDGTargets, measureGCMActions, measureGuidance, measureNone
        case previousMeasure, nextMeasure, allMeasures, sdgTargetShort, gcmActionShort
        case notFoundTitle, notFoundBody, badRequestTitle, badRequestBody
        case serverErrorTitle, serverErrorBody, unavailableTitle, unavailableBody, errorReference, backHome
        case navSignIn, navSignOut, navAccount, navUsers, navAudit, forbiddenTitle
        case forbiddenBody, tooLargeTitle, tooLargeBody, formErrorsHeading, signInTitle, signInButton
        case signInHelp, signInEmailMissing, signInPasswordMissing, signInWrong, signInThrottled, fieldEmail
        case fieldPassword, fieldCode, fieldName, fieldRoles, fieldEntities, fieldStatus
        case fieldCurrentPassword, fieldNewPassword, fieldConfirmPassword, continueButton, secondFactorTitle, secondFactorHint
        case secondFactorWrong, enrolTitle, enrolIntro, enrolStepApp, enrolStepKey, enrolOpenApp
        case enrolStepCode, enrolButton, recoveryTitle, recoveryOnce, passwordTooShort, passwordTooLong
        case passwordsDiffer, passwordTooCommon, passwordRules, currentPasswordWrong, inviteTitle, inviteIntro
        case inviteButton, inviteInvalidTitle, inviteInvalidBody, accountTitle, changePasswordHeading, changePasswordButton
        case sessionsHeading, sessionStarted, sessionLastSeen, sessionAddress, sessionBrowser, thisSession
        case endOtherSessionsButton, roleAdmin, roleSecretariat, roleFocalPoint, rolePanelFacilitator, rolePanelMember
        case usersTitle, usersCount, inviteUserButton, inviteUserTitle, inviteUserIntro, displayNameHint
        case editUserHeading, accountActionsHeading, saveButton, endSessionsButton, newInvitationButton, disableButton
        case enableButton, statusActive, statusInvited, statusDisabled, secondFactorOn, lastSignedIn
        case never, emailInvalid, emailTaken, displayNameInvalid, rolesMissing, adminRoleAdminsOnly
        case cannotDropOwnAdmin, focalPointNeedsEntity, entityUnknown, invitationLinkTitle, invitationLinkIntro, invitationLinkLabel
        case invitationLinkOnce, backToUser, pagination, previousPage, nextPage, pageOf
        case auditTitle, auditAction, auditActionHint, auditActor, auditWhen, auditTarget
        case auditDetail, auditRequest, auditEmpty, olderEvents, filtersLabel, filterButton
        case periodFrom, periodTo, flashSignedOut, flashPasswordSet, flashPasswordChanged, flashSessionsEnded
        case flashUserSaved, flashUserDisabled, flashUserEnabled
    }

    static let tables: [Language: [Key: String]] = [.english: english]

    static let english: [Key: String] = [
        .siteName: "Pledgetrack",
        .siteTagline: "Following the pledges on protection from trafficking, from commitment to evaluation",
        .skipToContent: "Skip to main content",
        .mainNavigation: "Main",
        .navHome: "Home",
        .navMeasures: "Measures",
        .breadcrumbs: "You are here",
        .footerAbout: "Pledgetrack follows the Multistakeholder Pledge: Protection for refugees and migrants at risk of or affected by trafficking in persons.",
        .footerSources: "Measure titles and summaries are Pledgetrack’s own wording; each measure links to the pledge guidance it comes from.",
        .homeTitle: "Pledges on protection from trafficking",
        .homeIntro: "States, UN agencies, civil society, cities and companies have pledged to protect refugees and migrants at risk of or affected by trafficking in persons. Pledgetrack follows each pledge from commitment to implementation to evaluation.",
        .homeMeasuresHeading: "The 20 measures",
        .homeMeasuresIntro: "The pledge guidance lists 20 measures in seven themes. Each answers targets of the Sustainable Development Goals (SDG) and actions of Objective 10 of the Global Compact for Migration (GCM).",
        .measuresTitle: "Measures",
        .measuresIntro: "The 20 measures of the pledge guidance, grouped by theme, with the SDG targets and GCM Objective 10 actions each one answers.",
        .measureNumber: "Measure {number}",
        .measureTheme: "Theme",
        .measureSDGTargets: "SDG targets",
        .measureGCMActions: "GCM Objective 10 actions",
        .measureGuidance: "Source: {reference}",
        .measureNone: "None",
        .previousMeasure: "Previous: measure {number}",
        .nextMeasure: "Next: measure {number}",
        .allMeasures: "All measures",
        .sdgTargetShort: "SDG {code}",
        .gcmActionShort: "GCM ({letter})",
        .notFoundTitle: "Page not found",
        .notFoundBody: "There is no page at this address. It may have moved, or the address may be mistyped.",
        .badRequestTitle: "This request could not be understood",
        .badRequestBody: "Part of the address or the form is not in a form Pledgetrack can read. Check it and try again.",
        .serverErrorTitle: "Something went wrong",
        .serverErrorBody: "Pledgetrack could not show this page. The problem has been logged; please try again in a moment.",
        .unavailableTitle: "Temporarily unavailable",
        .unavailableBody: "Pledgetrack cannot reach its database just now. Nothing you saved is lost. Please try again in a minute.",
        .errorReference: "Reference for support: {id}",
        .backHome: "Go to the home page",
        .navSignIn: "Sign in",
        .navSignOut: "Sign out",
        .navAccount: "Account ({name})",
        .navUsers: "Users",
        .navAudit: "Audit log",
        .forbiddenTitle: "You cannot do this",
        .forbiddenBody: "Your account does not allow this page or action, or the form was sent from outside Pledgetrack or has expired. Go back, reload the page and try again; if you should have access, ask the secretariat.",
        .tooLargeTitle: "Too much to send",
        .tooLargeBody: "What you sent is larger than Pledgetrack accepts. Send less at a time.",
        .formErrorsHeading: "There is a problem",
        .signInTitle: "Sign in",
        .signInButton: "Sign in",
        .signInHelp: "Accounts are created by the secretariat. If you cannot sign in, ask them for a new link to set your password.",
        .signInEmailMissing: "Enter your e-mail address.",
        .signInPasswordMissing: "Enter your password.",
        .signInWrong: "The e-mail address or the password is not right. Check both and try again.",
        .signInThrottled: "Too many attempts to sign in from here. Wait 15 minutes and try again, or ask the secretariat for a new link to set your password.",
        .fieldEmail: "E-mail address",
        .fieldPassword: "Password",
        .fieldCode: "Code",
        .fieldName: "Name",
        .fieldRoles: "Roles",
        .fieldEntities: "Pledging entities",
        .fieldStatus: "Status",
        .fieldCurrentPassword: "Current password",
        .fieldNewPassword: "New password",
        .fieldConfirmPassword: "New password again",
        .continueButton: "Continue",
        .secondFactorTitle: "Enter your code",
        .secondFactorHint: "The 6-digit code your authenticator app shows for Pledgetrack, or one of your recovery codes.",
        .secondFactorWrong: "That code is not right or has been used. Enter the code your app shows now.",
        .enrolTitle: "Set up your second factor",
        .enrolIntro: "Admin and secretariat accounts see sensitive information, so they sign in with a code from an authenticator app as well as the password.",
        .enrolStepApp: "Open an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).",
        .enrolStepKey: "Add an account and type in this key:",
        .enrolOpenApp: "or open it in the app on this device",
        .enrolStepCode: "Enter the 6-digit code the app shows.",
        .enrolButton: "Turn on",
        .recoveryTitle: "Your recovery codes",
        .recoveryOnce: "Keep these codes somewhere safe. Each signs you in once if you lose your phone. They are shown only now.",
        .passwordTooShort: "Use at least 8 characters.",
        .passwordTooLong: "Use at most 128 characters.",
        .passwordsDiffer: "The two passwords are not the same.",
        .passwordTooCommon: "This password is one of the most common ones, so it is easy to guess. Choose another.",
        .passwordRules: "At least 8 characters. Any characters are allowed, and a long phrase is better than a short word.",
        .currentPasswordWrong: "Your current password is not right.",
        .inviteTitle: "Set your password",
        .inviteIntro: "Welcome, {name}. Choose the password for {email}.",
        .inviteButton: "Set password",
        .inviteInvalidTitle: "This link no longer works",
        .inviteInvalidBody: "Links to set a password work once, for 72 hours. Ask the secretariat for a new one.",
        .accountTitle: "Your account",
        .changePasswordHeading: "Change your password",
        .changePasswordButton: "Change password",
        .sessionsHeading: "Where you are signed in",
        .sessionStarted: "Signed in",
        .sessionLastSeen: "Last active",
        .sessionAddress: "Address",
        .sessionBrowser: "Browser",
        .thisSession: "this one",
        .endOtherSessionsButton: "Sign out everywhere else",
        .roleAdmin: "Admin",
        .roleSecretariat: "Secretariat",
        .roleFocalPoint: "Focal point",
        .rolePanelFacilitator: "Panel facilitator",
        .rolePanelMember: "Panel member",
        .usersTitle: "Users",
        .usersCount: "{count} accounts",
        .inviteUserButton: "Invite a user",
        .inviteUserTitle: "Invite a user",
        .inviteUserIntro: "Pledgetrack makes a link that lets the person set their password. Pledgetrack sends no e-mail: copy the link and send it yourself.",
        .displayNameHint: "As others will see it. Panel members use a pseudonym, never their real name.",
        .editUserHeading: "Name, roles and entities",
        .accountActionsHeading: "Account",
        .saveButton: "Save",
        .endSessionsButton: "Sign out everywhere",
        .newInvitationButton: "New link to set a password",
        .disableButton: "Disable account",
        .enableButton: "Enable account",
        .statusActive: "Active",
        .statusInvited: "Invited, no password yet",
        .statusDisabled: "Disabled",
        .secondFactorOn: "second factor on",
        .lastSignedIn: "Last active",
        .never: "Never",
        .emailInvalid: "Enter an e-mail address like name@example.org.",
        .emailTaken: "An account with this e-mail address exists already.",
        .displayNameInvalid: "Enter a name of 1 to 100 characters.",
        .rolesMissing: "Choose at least one role.",
        .adminRoleAdminsOnly: "Only an admin can give the admin role.",
        .cannotDropOwnAdmin: "You cannot take the admin role from yourself; ask another admin.",
        .focalPointNeedsEntity: "A focal point belongs to at least one pledging entity: choose one.",
        .entityUnknown: "One of the chosen entities does not exist any more. Reload the page.",
        .invitationLinkTitle: "Link to set a password",
        .invitationLinkIntro: "Send this link to {name}. It works once, for {hours} hours.",
        .invitationLinkLabel: "Link",
        .invitationLinkOnce: "The link is shown only now. If it is lost, make a new one from the account's page.",
        .backToUser: "Back to {name}",
        .pagination: "Pages",
        .previousPage: "Previous page",
        .nextPage: "Next page",
        .pageOf: "Page {page} of {pages}",
        .auditTitle: "Audit log",
        .auditAction: "Action",
        .auditActionHint: "The beginning is enough, e.g. sign_in",
        .auditActor: "Person (e-mail)",
        .auditWhen: "When",
        .auditTarget: "Target",
        .auditDetail: "Detail",
        .auditRequest: "Request",
        .auditEmpty: "No events match.",
        .olderEvents: "Older events",
        .filtersLabel: "Filters",
        .filterButton: "Show",
        .periodFrom: "From",
        .periodTo: "To",
        .flashSignedOut: "You are signed out.",
        .flashPasswordSet: "Your password is set. Sign in with it now.",
        .flashPasswordChanged: "Your password is changed. You are signed out everywhere else.",
        .flashSessionsEnded: "The other sessions are ended.",
        .flashUserSaved: "Saved.",
        .flashUserDisabled: "The account is disabled and signed out everywhere.",
        .flashUserEnabled: "The account is enabled again.",
    ]
}
