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

    /// A text with `{name}` placeholders filled in (one pass; unknown names stay as they are).
    public func format(_ key: Key, _ values: [String: String]) -> String {
        fill(self[key]) { values[$0] }
    }

    /// The same with one value, the most common case, without making a dictionary.
    public func format(_ key: Key, _ name: String, _ value: String) -> String {
        fill(self[key]) { $0 == name ? value : nil }
    }

    private func fill(_ template: String, _ value: (String) -> String?) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 16)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += value(name) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    public enum Key: String, Sendable, CaseIterable {
        case panelFacilitatorAdminOnlyHint, secondFactorLocked, flashSecondFactorTriesUsed, panelMemberRoleByLinkOnly, cannotChangeOwnRoles,
            survivorAccountNote, flashDeletedAccountStaysClosed
        case ownershipOwnerOnly, ownershipOwnerOnlyHint, flashFeedbackShared, shareNewOwnersHeading, shareNewOwnersIntro,
            shareNewOwnersButton
        case panelFacilitatorAdminOnly, facilitatorChangedOn, fewerThan, joinDetailsRefused, secondFactorHeading, secondFactorReplaceIntro
        case secondFactorReplaceLink, secondFactorReplaceTitle, fieldCurrentCode, fieldNewCode, secondFactorReplaceButton,
            securityNoticesHeading
        case securityNoticesAdvice, securityNoticesSeen, noticeSecondFactorEnrolled, noticeSecondFactorReplaced, noticeRecoveryCodeUsed,
            noticeRolesChanged
        case noticeSecondFactorLocked, noticePasswordChanged
        case briefChange, reportErrorBeforeHistory, reportHistoryFrom, reportBusy, reportPDFFailed, briefContentNote, navReports,
            dashDownloadView, reportsTitle, reportsIntro, reportWhat, reportPledgePeriodHint
        case reportWhen, reportAsOf, reportAsOfHint, reportSince, reportSinceHint, reportHow
        case reportDownloadButton, reportAboutHeading, reportAboutAsOf, reportAboutFeedback, reportPDFMissing, reportFormatBrief
        case reportFormatPDF, reportFormatXLSX, reportFormatPledgesCSV, reportFormatMilestonesCSV, reportFormatHistoryCSV,
            reportFormatFeedbackCSV
        case reportFormatChangesCSV, reportErrorCountry, reportErrorRegion, reportErrorEntity, reportErrorEntityKind, reportErrorPledgeKind
        case reportErrorMeasure, reportErrorTarget, reportErrorAction, reportErrorStatus, reportErrorDate, reportErrorOrder
        case reportErrorFuture, reportErrorSinceOrder, reportErrorFormat, reportAllPledges, reportSummarySheet, reportAudience
        case reportPrepared, reportStageDone, reportStageTotal, reportTablePledges, reportTableMilestones, reportTableHistory
        case reportTableFeedback, reportTableChanges, reportFeedbackTextWithheld, colPledgeNumber, colPledgeTitle, colMeasures
        case colSDGTargets, colGCMActions, colCurrentStage, colCommitmentDone, colCommitmentTotal, colImplementationDone
        case colImplementationTotal, colEvaluationDone, colEvaluationTotal, colOverdueMilestones, colCreated, colMilestoneNumber
        case colOverdue, colWhen, colMilestone, colWhat, colWho, colWhy
        case colChanges, colFeedbackNumber, colPosted, colAnswers, colText, colDetail
        case yes, no, changeCompleted, changeStatus, changeNewPledge, changeAnswer
        case briefTitle, briefAsOf, briefChangedPeriod, briefScope, briefPrepared, briefChangesHeading
        case briefChangesCounts, briefCount, briefNoChanges, briefChangesList, briefListCut, briefByMeasure
        case briefByMeasureCaption, briefByCountry, briefByCountryCaption, briefOverdueCaption, briefFeedback, briefFeedbackIntro
        case briefFeedbackByStatus, briefFeedbackByScope, briefFeedbackPublic, briefAnnex, briefAnnexCaption
        case siteName, siteTagline, skipToContent, mainNavigation, navHome, navMeasures, breadcrumbs
        case footerAbout, footerSources
        case homeTitle, homeIntro, homeMeasuresHeading, homeMeasuresIntro, homeGlanceHeading, homeSeeDashboards
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
        case navPledges, pledgesTitle, newPledgeButton, editPledgeTitle, editPledgeButton, pledgesFound
        case noPledgesMatch, searchLabel, anyOption, chooseOption, clearFilters, sortLabel
        case sortRecent, sortTitle, sortTarget, overdueOnly, staleOnly, andMore
        case milestonesDoneOf, overdueCount, statusRuleHeading, statusRule, howStatusIsSet, staleBadge
        case overdueBadge, withdrawnNotice, statusPlanning, statusInProgress, statusFulfilled, statusWithdrawn
        case stageCommitment, stageImplementation, stageEvaluation, msNotStarted, msOnTrack, msAtRisk
        case msDelayed, msDone, msDropped, kindPolicy, kindFinancial, kindTechnical
        case kindMaterial, visibilityPublic, visibilityRestricted, entityState, entityUNAgency, entityInternational
        case entityCivilSociety, entityRefugeeLed, entitySurvivorLed, entityLocalAuthority, entityPrivateSector, entityAcademia
        case validationPending, validationValidated, validationSentBack, validationHeading, validationReasonLabel, fieldStage
        case fieldTitle, fieldDescription, fieldDueDate, fieldPercent, fieldCompletedOn, fieldNotes
        case fieldEvidence, fieldWhy, fieldValidation, fieldOwner, fieldCoOwners, withCoOwners
        case fieldKind, fieldCountries, fieldCountry, fieldRegion, fieldEntity, fieldEntityKind
        case fieldMeasure, fieldSDGTarget, fieldGCMAction, fieldPeriod, fieldGRFID, fieldStartDate
        case fieldTargetDate, fieldVisibility, fromDate, toDate, lastUpdate, milestonesHeading
        case historyHeading, noMilestones, noHistory, addMilestoneTo, editMilestoneLink, moveMilestone
        case moveUp, moveDown, newMilestoneTitle, editMilestoneTitle, cancelBackToPledge, percentHint
        case completedOnHint, evidenceHint, evidenceTitleLabel, evidenceURLLabel, whyHint, grfIDHint
        case countriesHint, conflictHeading, conflictBody, pledgeConflictBody, conflictFields, conflictCaption
        case conflictTheirs, conflictYours, withdrawHeading, withdrawIntro, withdrawReason, withdrawButton
        case someoneUnknown, actionPledgeCreated, actionPledgeUpdated, actionPledgeWithdrawn, actionMilestoneCreated, actionMilestoneUpdated
        case actionMilestoneValidated, actionMilestoneSentBack, stageInvalid, milestoneTitleInvalid, pledgeTitleInvalid, dateInvalid
        case milestoneStatusInvalid, percentInvalid, completedDateNeeded, completedDateFuture, completedDateOnlyWhenDone, notesTooLong
        case evidenceTitleNeeded, evidenceURLInvalid, grfIDInvalid, grfIDTaken, kindInvalid, ownerInvalid
        case countriesMissing, countryUnknown, measuresMissing, measureUnknown, targetUnknown, actionUnknown
        case targetBeforeStart, visibilityInvalid, flashPledgeSaved, flashPledgeWithdrawn, flashMilestoneSaved, flashReasonNeeded
        case navEntities, entitiesTitle, newEntityButton, entityMembers, fieldHomeCountry, noneOption, entityNameInvalid, entityNameTaken,
            entityKindInvalid
        case navDashboards, dashNavLabel, dashOverviewTitle, dashStatesTitle, dashMeasuresTitle, dashSDGsTitle
        case dashGCMTitle, dashMatrixTitle, filterIgnored, filterIgnoredIntro, dashAsOf, dashIncludesRestricted
        case dashPublicOnly, dashCountingRule, dashHeadline, dashPledges, dashEntities, dashCountries
        case dashOverdueMilestones, dashStalePledges, dashSeePledges, dashSeeOverdue, dashSeeStale, dashProgress
        case dashPledgesByStatus, dashShare, dashTotal, dashStatusSummary, dashMilestonesByStage, dashOpen
        case dashStageBarTitle, dashMilestones, dashStageSummary, dashMilestonesDone, dashOverdue, dashDoneOf
        case dashMilestonesByStageStatus, dashCompletedTitle, dashMonth, dashCompleted, dashCompletedSummary, chartCompletedDesc
        case dashStatesSummary, tileMapTitle, tileMapHint, tileNoPledges, tileSummary, tileLegendNone
        case tileLegend0, tileLegend1, tileLegend2, tileLegend3, dashStatesTable, dashSortRegion
        case dashSortPledges, dashSortDone, dashSortOverdue, dashNothing, dashNotCovered, dashNoOverdue
        case dashDueOn, dashOverdueMore, dashRecentChanges, dashMeasuresCovered, dashCoveredSummary, dashSDGTargets
        case dashMeasuresIntro, dashAllMeasuresCovered, dashMeasuresUncovered, dashMeasuresCaption, dashMeasureTitle, dashAboutMeasure
        case dashCountriesHeading, dashSDGsIntro, dashGCMIntro, dashSDGsCaption, dashGCMCaption, dashGoal
        case dashTargetTitle, dashTargetMeasures, dashTargetMeasuresHint, dashMatrixIntro, dashMatrixCaption, dashCellLabel
        // Survivor feedback (their English is in FeedbackStrings.swift)
        case feedbackFoundMany, noticeEditLink, noticeEditTitle, noticeEditIntro, fieldNoticeText, noticeTextHint
        case noticeTextInvalid, noticeUnchanged, publishNoticeButton, flashNoticePublished, pledgeFeedbackIntro, pledgeFeedbackLink
        case navFeedback, navPanels, fieldSignInName, quickExit, quickExitHint, stayingSafeLink
        case stayingSafeTitle, stayingSafeIntro, safeTipQuickExit, safeTipPrivate, safeTipHistory, safeTipSignOut
        case safeTipDevice, safeTipHelp, feedbackTitle, feedbackIntro, feedbackFound, feedbackNone
        case feedbackStaffListHint, feedbackFigures, feedbackNumber, feedbackByYou, feedbackByPseudonym, feedbackByPanel
        case feedbackWithdrawnBadge, feedbackWithdrawnText, feedbackOpenToRead, feedbackAboutMeasure18, feedbackAboutPledge,
            feedbackAboutMilestone
        case feedbackAboutRestrictedPledge, feedbackAboutLegend, scopeBadge, scopeExplained, scopePanel, scopeSecretariat
        case scopePledgeOwners, scopePublic, scopePanelHint, scopeSecretariatHint, scopePledgeOwnersHint, scopePublicHint
        case moderationPending, moderationPublished, moderationHidden, reviewNew, reviewAcknowledged, reviewAnswered
        case reviewActedUpon, decisionPublished, decisionHidden, decisionRestored, decisionHiddenByFlags, readersFlags
        case openFlags, outsidePanelBadge, outsidePanelShort, outsidePanelNote, contentNoteSummary, answersCount
        case answersHeading, noAnswers, answerBy, answerHeading, fieldAnswer, answerHint
        case sendAnswer, answerEmpty, answerTooLong, reviewHeading, fieldReview, reviewStatusIs
        case authorPending, authorHidden, moderationHeading, fieldModerationReason, moderationReasonHint, moderationReasonMissing
        case moderationReasonTooLong, publishButton, hideButton, restoreButton, openFlagsHeading, moderationHistory
        case flagSummary, fieldFlagReason, flagHint, flagButton, flagReasonMissing, flagReasonTooLong
        case alreadyFlagged, withdrawFeedbackHeading, withdrawFeedbackIntro, withdrawFeedbackButton, refusedWithdrawn, refusedAlreadyFlagged
        case refusedAction, writeFeedback, writeFeedbackIntro, noNamesWarning, fieldFeedback, feedbackHint
        case fieldContentNote, contentNoteHint, fieldScope, fieldPledgeSearch, pledgeSearchHint, findPledges
        case noPledgeFound, pledgesFoundLegend, useThisPledge, chooseAnotherPledge, fieldMilestoneOptional, sendFeedback
        case feedbackEmpty, feedbackTooLong, contentNoteTooLong, scopeInvalid, scopeNeedsPledge, feedbackPledgeUnknown
        case feedbackMilestoneUnknown, consentNeeded, yourPanel, consentFirst, readNotice, onlyMine
        case panelFeedbackLink, deleteAccountLink, moderationQueueLink, moderationQueueTitle, moderationQueueIntro, moderationQueueEmpty
        case fieldPanel, fieldPledgeNumber, fieldModeration, noticeLink, noticeTitle, noticeVersion
        case noticeVersionShort, noticeNotYet, noticeAccepted, noticeChanged, acceptNotice, noticeNoPressure
        case noticeAcceptedColumn, flashConsentSaved, flashNoticeChanged, flashFeedbackSent, flashFeedbackWithdrawn, flashFeedbackFlagged
        case flashModerationSaved, flashAnswerSent, flashReviewSaved, flashAccountDeleted, panelsTitle, panelsIntro
        case panelsCaption, panelMembers, awaitingModeration, noPanels, noFacilitator, noMembers
        case newPanelButton, newPanelTitle, editPanel, fieldFacilitator, panelCountriesHint, fieldFlagThreshold
        case flagThresholdHint, flagThresholdInvalid, panelNameInvalid, panelNameTaken, panelFacilitatorInvalid, joinedOn
        case newJoinLinkHint, newJoinLinkButton, joinLinkTitle, joinLinkIntro, joinTitle, joinIntro
        case fieldPseudonym, pseudonymHint, pseudonymInvalid, pseudonymTaken, fieldEmailOptional, joinEmailHint
        case joinButton, joinInvalidTitle, joinInvalidBody, deleteAccountTitle, deleteAccountIntro, deleteTextsLegend
        case deleteErase, deleteKeep, deleteChoiceMissing, deletePasswordHint, deleteAccountButton, measure18Heading
        case measure18Intro, measure18Total, measure18ByPanel, measure18ByStatus, measure18ByScope, measure18Count
        case measure18Latest, measure18NoneYet, statusWithdrawnFeedback
    }

    static let tables: [Language: [Key: String]] = [.english: english]

    static let english: [Key: String] = general.merging(feedbackEnglish) { first, _ in first }.merging(reportEnglish) { first, _ in first }
        .merging(securityEnglish) { first, _ in first }

    private static let general: [Key: String] = [
        .siteName: "Pledgetrack",
        .siteTagline: "Following the pledges on protection from trafficking, from commitment to evaluation",
        .skipToContent: "Skip to main content",
        .mainNavigation: "Main",
        .navHome: "Home",
        .navMeasures: "Measures",
        .breadcrumbs: "You are here",
        .footerAbout:
            "Pledgetrack follows the Multistakeholder Pledge: Protection for refugees and migrants at risk of or affected by trafficking in persons.",
        .footerSources:
            "Measure titles and summaries are Pledgetrack’s own wording; each measure links to the pledge guidance it comes from.",
        .homeTitle: "Pledges on protection from trafficking",
        .homeIntro:
            "States, UN agencies, civil society, cities and companies have pledged to protect refugees and migrants at risk of or affected by trafficking in persons. Pledgetrack follows each pledge from commitment to implementation to evaluation.",
        .homeMeasuresHeading: "The 20 measures",
        .homeMeasuresIntro:
            "The pledge guidance lists 20 measures in seven themes. Each answers targets of the Sustainable Development Goals (SDG) and actions of Objective 10 of the Global Compact for Migration (GCM).",
        .measuresTitle: "Measures",
        .measuresIntro:
            "The 20 measures of the pledge guidance, grouped by theme, with the SDG targets and GCM Objective 10 actions each one answers.",
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
        .forbiddenBody:
            "Your account does not allow this page or action, or the form was sent from outside Pledgetrack or has expired. Go back, reload the page and try again; if you should have access, ask the secretariat.",
        .tooLargeTitle: "Too much to send",
        .tooLargeBody: "What you sent is larger than Pledgetrack accepts. Send less at a time.",
        .formErrorsHeading: "There is a problem",
        .signInTitle: "Sign in",
        .signInButton: "Sign in",
        .signInHelp:
            "Accounts are created by the secretariat. If you cannot sign in, ask them for a new link to set your password. Panel members sign in with their pseudonym; if you cannot, ask your facilitator.",
        .signInEmailMissing: "Enter your e-mail address (panel members: your pseudonym).",
        .signInPasswordMissing: "Enter your password.",
        .signInWrong: "The e-mail address or the password is not right. Check both and try again.",
        .signInThrottled:
            "Too many attempts to sign in from here. Wait 15 minutes and try again, or ask the secretariat for a new link to set your password.",
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
        .enrolIntro:
            "Admin and secretariat accounts see sensitive information, so they sign in with a code from an authenticator app as well as the password.",
        .enrolStepApp:
            "Open an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).",
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
        .inviteUserIntro:
            "Pledgetrack makes a link that lets the person set their password. Pledgetrack sends no e-mail: copy the link and send it yourself.",
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
        .navPledges: "Pledges",
        .pledgesTitle: "Pledges",
        .newPledgeButton: "Add a pledge",
        .editPledgeTitle: "Edit: {title}",
        .editPledgeButton: "Edit this pledge",
        .pledgesFound: "{count} pledges",
        .noPledgesMatch: "No pledge matches these filters. Remove a filter to see more.",
        .searchLabel: "Words in the title or description",
        .anyOption: "Any",
        .chooseOption: "Choose…",
        .clearFilters: "Clear all filters",
        .sortLabel: "Order",
        .sortRecent: "Recently updated first",
        .sortTitle: "Title, A to Z",
        .sortTarget: "Target date, soonest first",
        .overdueOnly: "Only with overdue milestones",
        .staleOnly: "Only without an update for 180 days",
        .andMore: "and {count} more",
        .milestonesDoneOf: "{done} of {total} done",
        .overdueCount: "{count} overdue",
        .statusRuleHeading: "How a pledge's status is set",
        .statusRule:
            "Pledgetrack sets each pledge's status from its milestones, the same way everywhere. Withdrawn: the owner withdrew it. Fulfilled: every milestone that was not dropped is done, one of them is an evaluation milestone, and the secretariat has validated the evaluation. In progress: an implementation or evaluation milestone has started. Planning: only commitment milestones are under way. A milestone is overdue when its due date has passed and it is neither done nor dropped; a pledge is stale when nothing about it changed for 180 days.",
        .howStatusIsSet: "How is this status set?",
        .staleBadge: "No update for 180 days",
        .overdueBadge: "Overdue",
        .withdrawnNotice: "The owner withdrew this pledge.",
        .statusPlanning: "Planning",
        .statusInProgress: "In progress",
        .statusFulfilled: "Fulfilled",
        .statusWithdrawn: "Withdrawn",
        .stageCommitment: "Commitment",
        .stageImplementation: "Implementation",
        .stageEvaluation: "Evaluation",
        .msNotStarted: "Not started",
        .msOnTrack: "On track",
        .msAtRisk: "At risk",
        .msDelayed: "Delayed",
        .msDone: "Done",
        .msDropped: "Dropped",
        .kindPolicy: "Policy",
        .kindFinancial: "Financial",
        .kindTechnical: "Technical",
        .kindMaterial: "Material",
        .visibilityPublic: "Public",
        .visibilityRestricted: "Restricted to signed-in staff",
        .entityState: "State",
        .entityUNAgency: "UN agency",
        .entityInternational: "Other international organisation",
        .entityCivilSociety: "Civil society",
        .entityRefugeeLed: "Refugee-led organisation",
        .entitySurvivorLed: "Survivor-led organisation",
        .entityLocalAuthority: "Local authority",
        .entityPrivateSector: "Private sector",
        .entityAcademia: "Academia",
        .validationPending: "Waiting for the secretariat's validation",
        .validationValidated: "Validated",
        .validationSentBack: "Sent back",
        .validationHeading: "Validate this evaluation",
        .validationReasonLabel: "Reason (needed when sending back)",
        .fieldStage: "Stage",
        .fieldTitle: "Title",
        .fieldDescription: "Description",
        .fieldDueDate: "Due date",
        .fieldPercent: "Percent complete",
        .fieldCompletedOn: "Completed on",
        .fieldNotes: "Notes",
        .fieldEvidence: "Evidence",
        .fieldWhy: "Why (optional)",
        .fieldValidation: "Validation",
        .fieldOwner: "Owner",
        .fieldCoOwners: "Co-owners",
        .withCoOwners: "with",
        .fieldKind: "Kind of pledge",
        .fieldCountries: "Countries of implementation",
        .fieldCountry: "Country",
        .fieldRegion: "Region",
        .fieldEntity: "Entity",
        .fieldEntityKind: "Kind of entity",
        .fieldMeasure: "Measure",
        .fieldSDGTarget: "SDG target",
        .fieldGCMAction: "GCM action",
        .fieldPeriod: "Period",
        .fieldGRFID: "GRF pledge id",
        .fieldStartDate: "Start date",
        .fieldTargetDate: "Target date",
        .fieldVisibility: "Who can see it",
        .fromDate: "from {date}",
        .toDate: "to {date}",
        .lastUpdate: "Last update",
        .milestonesHeading: "Milestones",
        .historyHeading: "History",
        .noMilestones: "No milestones in this stage yet.",
        .noHistory: "No changes recorded yet.",
        .addMilestoneTo: "Add a milestone to {stage}",
        .editMilestoneLink: "Edit “{title}”",
        .moveMilestone: "Move “{title}”",
        .moveUp: "Move up",
        .moveDown: "Move down",
        .newMilestoneTitle: "Add a milestone",
        .editMilestoneTitle: "Edit milestone: {title}",
        .cancelBackToPledge: "Cancel and go back to the pledge",
        .percentHint: "A whole number from 0 to 100. Done milestones count as 100.",
        .completedOnHint: "Only for done milestones: the day it was completed (not in the future).",
        .evidenceHint:
            "Links to reports, decisions or other proof, each with a title. Only web addresses starting with http:// or https://.",
        .evidenceTitleLabel: "Title of link {n}",
        .evidenceURLLabel: "Address of link {n}",
        .whyHint: "A few words for the history: what happened, or why it changed.",
        .grfIDHint: "As the Global Refugee Forum gave it, e.g. GRF-01234. Letters, digits and hyphens.",
        .countriesHint: "Where the pledge is carried out. Hold Ctrl (or Cmd) to choose several.",
        .conflictHeading: "Someone else changed this while you were editing",
        .conflictBody:
            "Nothing you typed is lost and nothing was overwritten. Compare your values with the ones now saved; saving this form again replaces the saved values with yours.",
        .pledgeConflictBody:
            "Nothing you typed is lost and nothing was overwritten. The form below holds your values; saving it again replaces the other change.",
        .conflictFields: "Fields the other person saved differently:",
        .conflictCaption: "The saved values and yours",
        .conflictTheirs: "Saved now",
        .conflictYours: "What you typed",
        .withdrawHeading: "Withdraw this pledge",
        .withdrawIntro: "A withdrawn pledge stays visible with its history and counts as withdrawn in the dashboards.",
        .withdrawReason: "Reason",
        .withdrawButton: "Withdraw the pledge",
        .someoneUnknown: "Someone",
        .actionPledgeCreated: "Pledge created",
        .actionPledgeUpdated: "Pledge updated",
        .actionPledgeWithdrawn: "Pledge withdrawn",
        .actionMilestoneCreated: "Milestone added",
        .actionMilestoneUpdated: "Milestone updated",
        .actionMilestoneValidated: "Evaluation validated",
        .actionMilestoneSentBack: "Evaluation sent back",
        .stageInvalid: "Choose a stage.",
        .milestoneTitleInvalid: "Enter a title of 1 to 300 characters.",
        .pledgeTitleInvalid: "Enter a title of 1 to 300 characters.",
        .dateInvalid: "Enter a real date, like 2026-11-22.",
        .milestoneStatusInvalid: "Choose a status.",
        .percentInvalid: "Enter a whole number from 0 to 100.",
        .completedDateNeeded: "A done milestone needs the date it was completed.",
        .completedDateFuture: "The completion date cannot be in the future.",
        .completedDateOnlyWhenDone: "Only a done milestone has a completion date: clear it, or set the status to done.",
        .notesTooLong: "Use at most 10,000 characters.",
        .evidenceTitleNeeded: "Give each link a title of up to 200 characters.",
        .evidenceURLInvalid: "Enter a web address starting with http:// or https://.",
        .grfIDInvalid: "Use letters, digits and hyphens only (at most 40).",
        .grfIDTaken: "Another pledge has this GRF pledge id.",
        .kindInvalid: "Choose the kind of pledge.",
        .ownerInvalid: "Choose the owning entity among those you belong to.",
        .countriesMissing: "Choose at least one country.",
        .countryUnknown: "One of the countries is not in the list. Choose from the list.",
        .measuresMissing: "Choose at least one measure.",
        .measureUnknown: "One of the measures does not exist. Choose from the list.",
        .targetUnknown: "One of the SDG targets does not exist. Choose from the list.",
        .actionUnknown: "One of the GCM actions does not exist. Choose from the list.",
        .targetBeforeStart: "The target date cannot be before the start date.",
        .visibilityInvalid: "Choose who can see the pledge.",
        .flashPledgeSaved: "The pledge is saved.",
        .flashPledgeWithdrawn: "The pledge is withdrawn.",
        .flashMilestoneSaved: "The milestone is saved.",
        .flashReasonNeeded: "Give a reason, then try again.",
        .navEntities: "Entities",
        .entitiesTitle: "Pledging entities",
        .newEntityButton: "Add an entity",
        .entityMembers: "Focal points",
        .fieldHomeCountry: "Home country",
        .noneOption: "None",
        .entityNameInvalid: "Enter a name of 1 to 200 characters.",
        .entityNameTaken: "An entity with this name exists already.",
        .entityKindInvalid: "Choose the kind of entity.",
        .navDashboards: "Dashboards",
        .dashNavLabel: "Dashboards",
        .dashOverviewTitle: "Progress dashboards",
        .dashStatesTitle: "By State",
        .dashMeasuresTitle: "By measure",
        .dashSDGsTitle: "By SDG",
        .dashGCMTitle: "By GCM action",
        .dashMatrixTitle: "State × measure",
        .filterIgnored: "{filter}: the value given is not one we know, so this filter is left out.",
        .filterIgnoredIntro: "Some filters in the address could not be used. The figures below are shown without them:",
        .dashAsOf: "Figures as of {time}.",
        .dashIncludesRestricted: "They include restricted pledges, which only signed-in staff can see.",
        .dashPublicOnly: "They count public pledges only.",
        .dashCountingRule:
            "How we count: shares are out of all {count} pledges that match the filters, withdrawn ones included. A pledge counts once in each country, measure or target it names. Milestone figures leave out dropped milestones and the milestones of withdrawn pledges.",
        .dashHeadline: "Headline figures",
        .dashPledges: "Pledges",
        .dashEntities: "Pledging entities",
        .dashCountries: "Countries with pledges",
        .dashOverdueMilestones: "Overdue milestones",
        .dashStalePledges: "Pledges with no update for 180 days",
        .dashSeePledges: "See these {count} pledges in the list",
        .dashSeeOverdue: "the {count} with overdue milestones",
        .dashSeeStale: "the {count} with no recent update",
        .dashProgress: "Progress",
        .dashPledgesByStatus: "Pledges by status",
        .dashShare: "Share",
        .dashTotal: "Total",
        .dashStatusSummary: "Of {count} pledges, {fulfilled} % are fulfilled, {progress} % in progress and {planning} % still in planning.",
        .dashMilestonesByStage: "Milestones done, by stage",
        .dashOpen: "Not done yet",
        .dashStageBarTitle: "{stage}: milestones done and not done yet",
        .dashMilestones: "Milestones",
        .dashStageSummary: "{done} of {total} milestones are done; {overdue} are past their due date.",
        .dashMilestonesDone: "Milestones done",
        .dashOverdue: "Overdue",
        .dashDoneOf: "{done} of {total} ({percent} %)",
        .dashMilestonesByStageStatus: "Milestones by stage and status",
        .dashCompletedTitle: "Milestones completed each month",
        .dashMonth: "Month",
        .dashCompleted: "Completed",
        .dashCompletedSummary: "{count} milestones were completed from {from} to {to}; the most in {best} ({bestCount}).",
        .chartCompletedDesc: "A line of {count} milestones completed over {months} months.",
        .dashStatesSummary: "{count} countries have pledges implemented there; in {halfway} of them at least half the milestones are done.",
        .tileMapTitle: "Map of countries by progress",
        .tileMapHint:
            "Each square is a country, grouped by UN region; darker squares are further along. Choose a square for the country's page.",
        .tileNoPledges: "no pledges",
        .tileSummary: "{country}: {pledges} pledges, {percent} % of milestones done",
        .tileLegendNone: "No pledges",
        .tileLegend0: "Under 25 % of milestones done",
        .tileLegend1: "25–49 % done",
        .tileLegend2: "50–74 % done",
        .tileLegend3: "75 % or more done",
        .dashStatesTable: "Countries and their pledges",
        .dashSortRegion: "region",
        .dashSortPledges: "most pledges",
        .dashSortDone: "most milestones done",
        .dashSortOverdue: "most overdue",
        .dashNothing: "No pledges match these filters.",
        .dashNotCovered: "Not covered by any pledge",
        .dashNoOverdue: "No milestone is overdue.",
        .dashDueOn: "due {date}",
        .dashOverdueMore: "The {shown} longest overdue are shown, of {count}.",
        .dashRecentChanges: "Latest changes",
        .dashMeasuresCovered: "Measures covered and missing",
        .dashCoveredSummary: "Pledges here cover {covered} of the 20 measures; {missing} are not covered.",
        .dashSDGTargets: "SDG targets",
        .dashMeasuresIntro: "The 20 measures by theme. For each stage: milestones done out of all milestones of the measure's pledges.",
        .dashAllMeasuresCovered: "Every measure is covered by at least one pledge.",
        .dashMeasuresUncovered: "Measures no pledge covers yet: {list}.",
        .dashMeasuresCaption: "Measures, their pledges, and milestones done in each stage",
        .dashMeasureTitle: "Measure {number}: {title}",
        .dashAboutMeasure: "What this measure asks for",
        .dashCountriesHeading: "Countries",
        .dashSDGsIntro: "The Sustainable Development Goal targets the pledge answers, and the pledges that name each one.",
        .dashGCMIntro:
            "The actions of Objective 10 of the Global Compact for Migration, and the pledges that name each one. Each action links to its pledges.",
        .dashSDGsCaption: "SDG targets and their pledges",
        .dashGCMCaption: "GCM Objective 10 actions and their pledges",
        .dashGoal: "Goal {number}",
        .dashTargetTitle: "SDG target {code}",
        .dashTargetMeasures: "Measures",
        .dashTargetMeasuresHint: "The measures that answer this target, and any other measure its pledges name.",
        .dashMatrixIntro:
            "Which measures each country's pledges cover. A figure is the number of pledges; the shade says how many of their milestones are done. An empty cell is a gap: no pledge there covers the measure.",
        .dashMatrixCaption: "Countries (rows) and measures 1 to 20 (columns)",
        .dashCellLabel: "{pledges} pledges, {percent} % of milestones done",
        .homeGlanceHeading: "Progress at a glance",
        .homeSeeDashboards: "See the progress dashboards",
    ]
}
