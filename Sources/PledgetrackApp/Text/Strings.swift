import Database
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
        Self.catalogs[language]?[key] ?? Self.english[key] ?? key.rawValue
    }

    /// A text with `{name}` placeholders filled in (one pass; unknown names stay as they are).
    public func format(_ key: Key, _ values: [String: String]) -> String {
        Message.fill(self[key], language) {
            values[$0]
        } number: { _ in
            nil
        }
    }

    /// The same with one value, the most common case, without making a dictionary.
    public func format(_ key: Key, _ name: String, _ value: String) -> String {
        Message.fill(self[key], language) {
            $0 == name ? value : nil
        } number: { _ in
            nil
        }
    }

    /// A text with numbers in it: each is written the reader's way (CLDR's digits and
    /// separators, a narrow space between thousands in French) and chooses the plural form of a
    /// `{name, plural, …}` part by CLDR's rules for the language.
    public func format(_ key: Key, _ values: [String: String] = [:], numbers: [String: Int]) -> String {
        Message.fill(self[key], language) {
            values[$0]
        } number: {
            numbers[$0]
        }
    }

    /// The same with one number called `count`.
    public func format(_ key: Key, count: Int) -> String {
        Message.fill(self[key], language) { _ in
            nil
        } number: {
            $0 == "count" ? count : nil
        }
    }

    /// The colon between a label and its value, with the language's spacing ("Status: …",
    /// "Statut : …", "状态：…").
    public var colon: String { self[.colon] }

    /// A word the history keeps by its key ("§fieldStatus"), so each reader later reads it in
    /// their own language; `language` names a language the word is about ("Title in French").
    public static func stored(_ key: Key, language: Language? = nil) -> String {
        "§" + key.rawValue + (language.map { "?" + $0.rawValue } ?? "")
    }

    /// A word or value from the history in this reader's words: a key kept by `stored`, a day
    /// (ISO) as a date, anything else as it was typed.
    public func shown(_ stored: String) -> String {
        if stored.hasPrefix("§") {
            let body = stored.dropFirst()
            let parts = body.split(separator: "?", maxSplits: 1)
            if let key = Key(rawValue: String(parts[0])) {
                guard parts.count == 2, let about = Language(code: String(parts[1])) else { return self[key] }
                return format(key, "language", language.name(of: about))
            }
        }
        if stored.utf8.count == 10, let day = CalendarDate(iso: stored) { return Formatting.date(day, language) }
        return stored
    }

    /// Every text's key, one a line, grouped by the feature whose table holds its words (in
    /// that table's order). Swift keeps an enum's cases in one place; the words live with each
    /// feature.
    public enum Key: String, Sendable, CaseIterable {
        // MARK: Shared: the layout, forms, errors and words several features use
        case siteName
        case siteTagline
        case skipToContent
        case mainNavigation
        case menuOpen
        case menuClose
        case navHome
        case navMeasures
        case breadcrumbs
        case footerAbout
        case footerSources
        case measureNumber
        case measureTheme
        case measureSDGTargets
        case measureGCMActions
        case measureNone
        case sdgTargetShort
        case gcmActionShort
        case notFoundTitle
        case notFoundBody
        case badRequestTitle
        case badRequestBody
        case serverErrorTitle
        case serverErrorBody
        case unavailableTitle
        case unavailableBody
        case errorReference
        case backHome
        case navSignIn
        case navSignOut
        case navAccount
        case navUsers
        case navAudit
        case navWork
        case forbiddenTitle
        case forbiddenBody
        case tooLargeTitle
        case tooLargeBody
        case formErrorsHeading
        case fieldPassword
        case fieldName
        case fieldStatus
        case fieldCurrentPassword
        case fieldConfirmPassword
        case passwordsDiffer
        case passwordRules
        case currentPasswordWrong
        case saveButton
        case emailInvalid
        case emailTaken
        case cannotDropOwnAdmin
        case entityUnknown
        case invitationLinkLabel
        case pagination
        case previousPage
        case nextPage
        case pageOf
        case auditDetail
        case filtersLabel
        case filterButton
        case filterToggle
        case filterToggleActive
        case periodFrom
        case periodTo
        case flashUserSaved
        case navPledges
        case pledgesTitle
        case noPledgesMatch
        case anyOption
        case clearFilters
        case sortLabel
        case milestonesDoneOf
        case overdueCount
        case statusPlanning
        case statusInProgress
        case statusFulfilled
        case statusWithdrawn
        case msNotStarted
        case msDone
        case fieldStage
        case fieldTitle
        case fieldDueDate
        case fieldPercent
        case fieldCompletedOn
        case fieldValidation
        case fieldOwner
        case fieldKind
        case fieldCountries
        case fieldCountry
        case fieldRegion
        case fieldEntity
        case fieldEntityKind
        case fieldMeasure
        case fieldSDGTarget
        case fieldGCMAction
        case fieldPeriod
        case fieldGRFID
        case fieldStartDate
        case fieldTargetDate
        case fieldVisibility
        case countriesMissing
        case countryUnknown
        case navEntities
        case noneOption
        case navDashboards
        case dashIncludesRestricted
        case dashPublicOnly
        case dashHeadline
        case dashPledges
        case dashEntities
        case dashCountries
        case dashOverdueMilestones
        case dashMilestones
        case dashMilestonesDone
        case dashDoneOf
        case chartCompletedDesc
        case dashNothing
        case dashNoOverdue
        case navFeedback
        case navPanels
        case quickExit
        case quickExitHint
        case stayingSafeLink
        case feedbackTitle
        case feedbackNone
        case feedbackNumber
        case feedbackWithdrawnBadge
        case feedbackWithdrawnText
        case fieldReview
        case fieldContentNote
        case fieldScope
        case fieldPanel
        case fieldModeration
        case noticeLink
        case panelMembers
        case navReports
        case fewerThan
        case filterIgnored
        case filterIgnoredIntro
        case shareNone
        case pickerSearchLabel
        case pickerSearchButton
        case pickerChosen
        case pickerShown
        case pickerNoMatch
        case pickerOther

        // Languages: the switcher, and content written in several languages
        case languageSwitcher
        case fieldInterfaceLanguage
        case flashLanguageSaved
        case languageUnknown
        case shownInOriginal
        case translatedFrom
        case writtenIn
        case translationsHeading
        case translationsIntro
        case fieldOriginalLanguage
        case translationTitleLabel
        case translationDescriptionLabel
        case translationSaveButton
        case flashTranslationsSaved
        case fieldWritingLanguage
        case percentValue
        case colon

        // MARK: Accounts
        case signInTitle
        case signInButton
        case signInHelp
        case signInEmailMissing
        case signInPasswordMissing
        case signInWrong
        case signInThrottled
        case fieldEmail
        case fieldCode
        case fieldRoles
        case fieldEntities
        case fieldNewPassword
        case continueButton
        case secondFactorTitle
        case secondFactorHint
        case secondFactorWrong
        case enrolTitle
        case enrolIntro
        case enrolStepApp
        case enrolStepKey
        case enrolOpenApp
        case enrolStepCode
        case enrolButton
        case recoveryTitle
        case recoveryOnce
        case passwordTooShort
        case passwordTooLong
        case passwordTooCommon
        case inviteTitle
        case inviteIntro
        case inviteButton
        case inviteInvalidTitle
        case inviteInvalidBody
        case accountTitle
        case changePasswordHeading
        case changePasswordButton
        case sessionsHeading
        case sessionStarted
        case sessionLastSeen
        case sessionAddress
        case sessionBrowser
        case thisSession
        case endOtherSessionsButton
        case endOtherSessionsExplanation
        case endOtherSessionsConfirm
        case roleAdmin
        case roleSecretariat
        case roleFocalPoint
        case rolePanelFacilitator
        case rolePanelMember
        case usersTitle
        case usersCount
        case inviteUserButton
        case inviteUserTitle
        case inviteUserIntro
        case displayNameHint
        case editUserHeading
        case accountActionsHeading
        case endSessionsButton
        case newInvitationButton
        case disableButton
        case endSessionsExplanation
        case endSessionsConfirm
        case disableExplanation
        case disableConfirm
        case enableButton
        case statusActive
        case statusInvited
        case statusDisabled
        case secondFactorOn
        case lastSignedIn
        case never
        case displayNameInvalid
        case rolesMissing
        case adminRoleAdminsOnly
        case focalPointNeedsEntity
        case invitationLinkTitle
        case invitationLinkIntro
        case invitationLinkOnce
        case backToUser
        case auditTitle
        case auditAction
        case auditActionHint
        case auditActor
        case auditWhen
        case auditTarget
        case auditRequest
        case auditEmpty
        case olderEvents
        case flashSignedOut
        case flashPasswordSet
        case flashPasswordChanged
        case flashSessionsEnded
        case flashUserDisabled
        case flashUserEnabled
        case fieldSignInName
        case secondFactorLocked
        case flashSecondFactorTriesUsed
        case panelMemberRoleByLinkOnly
        case cannotChangeOwnRoles
        case survivorAccountNote
        case flashDeletedAccountStaysClosed
        case secondFactorHeading
        case secondFactorReplaceIntro
        case secondFactorReplaceLink
        case secondFactorReplaceTitle
        case fieldCurrentCode
        case fieldNewCode
        case secondFactorReplaceButton
        case securityNoticesHeading
        case securityNoticesAdvice
        case securityNoticesSeen
        case noticeSecondFactorEnrolled
        case noticeSecondFactorReplaced
        case noticeRecoveryCodeUsed
        case noticeRolesChanged
        case noticeSecondFactorLocked
        case noticePasswordChanged

        // MARK: Pledges
        case newPledgeButton
        case editPledgeTitle
        case editPledgeButton
        case pledgesFound
        case searchLabel
        case chooseOption
        case sortRecent
        case sortTitle
        case sortTarget
        case overdueOnly
        case staleOnly
        case myPledgesOnly
        case downloadListHeading
        case downloadListNotAllFilters
        case andMore
        case statusRuleHeading
        case statusRule
        case howStatusIsSet
        case staleBadge
        case overdueBadge
        case withdrawnNotice
        case stageCommitment
        case stageImplementation
        case stageEvaluation
        case msOnTrack
        case msAtRisk
        case msDelayed
        case msDropped
        case kindPolicy
        case kindFinancial
        case kindTechnical
        case kindMaterial
        case visibilityPublic
        case visibilityRestricted
        case entityState
        case entityUNAgency
        case entityInternational
        case entityCivilSociety
        case entityRefugeeLed
        case entitySurvivorLed
        case entityLocalAuthority
        case entityPrivateSector
        case entityAcademia
        case validationPending
        case validationValidated
        case validationSentBack
        case validationHeading
        case validationReasonLabel
        case fieldDescription
        case fieldNotes
        case fieldEvidence
        case fieldWhy
        case fieldCoOwners
        case withCoOwners
        case fromDate
        case toDate
        case lastUpdate
        case milestonesHeading
        case historyHeading
        case noMilestones
        case noHistory
        case addMilestoneTo
        case editMilestoneLink
        case moveMilestone
        case moveUp
        case moveDown
        case newMilestoneTitle
        case editMilestoneTitle
        case cancelBackToPledge
        case percentHint
        case completedOnHint
        case evidenceHint
        case evidenceTitleLabel
        case evidenceURLLabel
        case whyHint
        case grfIDHint
        case countriesHint
        case conflictHeading
        case conflictSavedBy
        case conflictBody
        case pledgeConflictBody
        case conflictFields
        case conflictCaption
        case conflictTheirs
        case conflictYours
        case withdrawHeading
        case withdrawIntro
        case withdrawReason
        case withdrawButton
        case withdrawLink
        case withdrawTitle
        case withdrawReasonHint
        case withdrawCancel
        case someoneUnknown
        case actionPledgeCreated
        case actionPledgeUpdated
        case actionPledgeWithdrawn
        case actionPledgeTranslated
        case actionMilestoneCreated
        case actionMilestoneUpdated
        case actionMilestoneValidated
        case actionMilestoneSentBack
        case stageInvalid
        case milestoneTitleInvalid
        case pledgeTitleInvalid
        case dateInvalid
        case milestoneStatusInvalid
        case percentInvalid
        case completedDateNeeded
        case completedDateFuture
        case completedDateOnlyWhenDone
        case notesTooLong
        case evidenceTitleNeeded
        case evidenceURLInvalid
        case grfIDInvalid
        case grfIDTaken
        case kindInvalid
        case ownerInvalid
        case measuresMissing
        case measureUnknown
        case targetUnknown
        case actionUnknown
        case targetBeforeStart
        case visibilityInvalid
        case flashPledgeSaved
        case flashPledgeWithdrawn
        case flashMilestoneSaved
        case flashReasonNeeded
        case entitiesTitle
        case entitiesFound
        case entitiesWithoutFocalPointFound
        case allEntitiesLink
        case entitiesWithoutFocalPointLink
        case entityPledgesHeading
        case entityPledgesLink
        case entityFocalPointsHeading
        case entityNoFocalPoint
        case inviteSomeoneLink
        case accountDisabledBadge
        case newEntityButton
        case entityMembers
        case fieldHomeCountry
        case entityNameInvalid
        case entityNameTaken
        case entityKindInvalid
        case pledgeFeedbackIntro
        case pledgeFeedbackLink
        case ownershipOwnerOnly
        case ownershipOwnerOnlyHint
        case translateButton
        case translationsTitle
        case translationMilestonesHeading
        case translationTitleNeeded
        case translationInOriginal

        // MARK: Dashboards
        case dashNavLabel
        case dashOverviewTitle
        case dashStatesTitle
        case dashMeasuresTitle
        case dashSDGsTitle
        case dashGCMTitle
        case dashMatrixTitle
        case dashAsOf
        case dashCountingRule
        case dashStalePledges
        case dashSeePledges
        case dashSeeOverdue
        case dashSeeStale
        case dashProgress
        case dashPledgesByStatus
        case dashShare
        case dashTotal
        case dashStatusSummary
        case dashMilestonesByStage
        case dashOpen
        case dashStageBarTitle
        case dashStageSummary
        case dashOverdue
        case dashMilestonesByStageStatus
        case dashCompletedTitle
        case dashMonth
        case dashCompleted
        case dashCompletedSummary
        case dashStatesSummary
        case tileMapTitle
        case tileMapHint
        case tileNoPledges
        case tileSummary
        case tileLegendNone
        case tileLegend0
        case tileLegend1
        case tileLegend2
        case tileLegend3
        case dashStatesTable
        case dashSortRegion
        case dashSortPledges
        case dashSortDone
        case dashSortOverdue
        case dashNotCovered
        case dashDueOn
        case dashOverdueMore
        case dashRecentChanges
        case dashMeasuresCovered
        case dashCoveredSummary
        case dashSDGTargets
        case dashMeasuresIntro
        case dashAllMeasuresCovered
        case dashMeasuresUncovered
        case dashMeasuresCaption
        case dashMeasureTitle
        case dashAboutMeasure
        case dashCountriesHeading
        case dashSDGsIntro
        case dashGCMIntro
        case dashSDGsCaption
        case dashGCMCaption
        case dashGoal
        case dashTargetTitle
        case dashTargetMeasures
        case dashTargetMeasuresHint
        case dashMatrixIntro
        case dashMatrixCaption
        case dashCellLabel
        case measure18Heading
        case measure18Intro
        case measure18Total
        case measure18ByPanel
        case measure18ByStatus
        case measure18ByScope
        case measure18Count
        case measure18Latest
        case measure18NoneYet
        case statusWithdrawnFeedback
        case dashDownloadView

        // MARK: Feedback
        case stayingSafeTitle
        case stayingSafeIntro
        case safeTipQuickExit
        case safeTipPrivate
        case safeTipHistory
        case safeTipSignOut
        case safeTipDevice
        case safeTipHelp
        case feedbackIntro
        case feedbackFoundMany
        case noticeEditLink
        case noticeEditTitle
        case noticeEditIntro
        case fieldNoticeText
        case noticeTextHint
        case noticeTextInvalid
        case noticeUnchanged
        case publishNoticeButton
        case flashNoticePublished
        case feedbackFound
        case feedbackStaffListHint
        case feedbackFigures
        case feedbackByYou
        case feedbackByPseudonym
        case feedbackByPanel
        case feedbackOpenToRead
        case feedbackAboutMeasure18
        case feedbackAboutPledge
        case feedbackAboutMilestone
        case feedbackAboutRestrictedPledge
        case feedbackAboutLegend
        case scopeBadge
        case scopeExplained
        case scopePanel
        case scopeSecretariat
        case scopePledgeOwners
        case scopePublic
        case scopePanelHint
        case scopeSecretariatHint
        case scopePledgeOwnersHint
        case scopePublicHint
        case moderationPending
        case moderationPublished
        case moderationHidden
        case reviewNew
        case reviewAcknowledged
        case reviewAnswered
        case reviewActedUpon
        case decisionPublished
        case decisionHidden
        case decisionRestored
        case decisionHiddenByFlags
        case readersFlags
        case openFlags
        case outsidePanelBadge
        case outsidePanelShort
        case outsidePanelNote
        case contentNoteSummary
        case answersCount
        case answersHeading
        case noAnswers
        case answerBy
        case answerHeading
        case fieldAnswer
        case answerHint
        case sendAnswer
        case answerEmpty
        case answerTooLong
        case reviewHeading
        case reviewStatusIs
        case authorPending
        case authorHidden
        case moderationHeading
        case fieldModerationReason
        case moderationReasonHint
        case moderationReasonMissing
        case moderationReasonTooLong
        case publishButton
        case hideButton
        case hideExplanation
        case restoreButton
        case openFlagsHeading
        case moderationHistory
        case flagSummary
        case fieldFlagReason
        case flagHint
        case flagButton
        case flagReasonMissing
        case flagReasonTooLong
        case alreadyFlagged
        case withdrawFeedbackHeading
        case withdrawFeedbackIntro
        case withdrawFeedbackButton
        case withdrawFeedbackConfirm
        case refusedWithdrawn
        case refusedAlreadyFlagged
        case refusedAction
        case writeFeedback
        case writeFeedbackIntro
        case noNamesWarning
        case fieldFeedback
        case feedbackHint
        case contentNoteHint
        case fieldPledgeSearch
        case pledgeSearchHint
        case findPledges
        case noPledgeFound
        case pledgesFoundLegend
        case useThisPledge
        case chooseAnotherPledge
        case fieldMilestoneOptional
        case sendFeedback
        case feedbackEmpty
        case feedbackTooLong
        case contentNoteTooLong
        case scopeInvalid
        case scopeNeedsPledge
        case feedbackPledgeUnknown
        case feedbackMilestoneUnknown
        case consentNeeded
        case yourPanel
        case consentFirst
        case readNotice
        case onlyMine
        case awaitingAnswerOnly
        case panelFeedbackLink
        case deleteAccountLink
        case moderationQueueLink
        case moderationQueueTitle
        case moderationQueueIntro
        case moderationQueueEmpty
        case fieldPledgeNumber
        case noticeTitle
        case noticeVersion
        case noticeVersionShort
        case noticeNotYet
        case noticeAccepted
        case noticeChanged
        case acceptNotice
        case noticeNoPressure
        case noticeAcceptedColumn
        case flashConsentSaved
        case flashNoticeChanged
        case flashFeedbackSent
        case flashFeedbackWithdrawn
        case flashFeedbackFlagged
        case flashModerationSaved
        case flashAnswerSent
        case flashReviewSaved
        case flashAccountDeleted
        case panelsTitle
        case panelsIntro
        case panelsCaption
        case awaitingModeration
        case noPanels
        case noFacilitator
        case noMembers
        case newPanelButton
        case newPanelTitle
        case editPanel
        case fieldFacilitator
        case panelCountriesHint
        case fieldFlagThreshold
        case flagThresholdHint
        case flagThresholdInvalid
        case panelNameInvalid
        case panelNameTaken
        case panelFacilitatorInvalid
        case joinedOn
        case newJoinLinkHint
        case newJoinLinkButton
        case joinLinkTitle
        case joinLinkIntro
        case joinTitle
        case joinIntro
        case fieldPseudonym
        case pseudonymHint
        case pseudonymInvalid
        case pseudonymTaken
        case fieldEmailOptional
        case joinEmailHint
        case joinButton
        case joinInvalidTitle
        case joinInvalidBody
        case deleteAccountTitle
        case deleteAccountIntro
        case deleteTextsLegend
        case deleteErase
        case deleteKeep
        case deleteChoiceMissing
        case deletePasswordHint
        case deleteAccountButton
        case deleteAccountCancel
        case flashFeedbackShared
        case shareNewOwnersHeading
        case shareNewOwnersIntro
        case shareNewOwnersButton
        case panelFacilitatorAdminOnly
        case panelFacilitatorAdminOnlyHint
        case facilitatorChangedOn
        case joinDetailsRefused

        // MARK: Reports
        case reportsTitle
        case reportsIntro
        case reportWhat
        case reportPledgePeriodHint
        case reportWhen
        case reportAsOf
        case reportAsOfHint
        case reportSince
        case reportSinceHint
        case reportHow
        case reportDownloadButton
        case reportAboutHeading
        case reportAboutAsOf
        case reportAboutFeedback
        case reportPDFMissing
        case reportFormatBrief
        case reportFormatPDF
        case reportFormatXLSX
        case reportFormatPledgesCSV
        case reportFormatMilestonesCSV
        case reportFormatHistoryCSV
        case reportFormatFeedbackCSV
        case reportFormatChangesCSV
        case reportErrorCountry
        case reportErrorRegion
        case reportErrorEntity
        case reportErrorEntityKind
        case reportErrorPledgeKind
        case reportErrorMeasure
        case reportErrorTarget
        case reportErrorAction
        case reportErrorStatus
        case reportErrorDate
        case reportErrorOrder
        case reportErrorFuture
        case reportErrorSinceOrder
        case reportErrorFormat
        case reportErrorBeforeHistory
        case reportHistoryFrom
        case reportBusy
        case reportPDFFailed
        case reportAllPledges
        case reportSummarySheet
        case reportAudience
        case reportPrepared
        case reportStageDone
        case reportStageTotal
        case reportShare
        case reportTablePledges
        case reportTableMilestones
        case reportTableHistory
        case reportTableFeedback
        case reportTableChanges
        case reportFeedbackTextWithheld
        case colPledgeNumber
        case colPledgeTitle
        case colMeasures
        case colSDGTargets
        case colGCMActions
        case colCurrentStage
        case colCommitmentDone
        case colCommitmentTotal
        case colImplementationDone
        case colImplementationTotal
        case colEvaluationDone
        case colEvaluationTotal
        case colOverdueMilestones
        case colCreated
        case colMilestonesDoneShare
        case colMilestoneNumber
        case colOverdue
        case colWhen
        case colMilestone
        case colWhat
        case colWho
        case colWhy
        case colChanges
        case colFeedbackNumber
        case colPosted
        case colAnswers
        case colText
        case colDetail
        case yes
        case no
        case changeCompleted
        case changeStatus
        case changeNewPledge
        case changeAnswer
        case briefTitle
        case briefChange
        case briefAsOf
        case briefChangedPeriod
        case briefScope
        case briefPrepared
        case briefChangesHeading
        case briefChangesCounts
        case briefCount
        case briefNoChanges
        case briefChangesList
        case briefListCut
        case briefByMeasure
        case briefByMeasureCaption
        case briefByCountry
        case briefByCountryCaption
        case briefOverdueCaption
        case briefFeedback
        case briefFeedbackIntro
        case briefContentNote
        case briefFeedbackByStatus
        case briefFeedbackByScope
        case briefFeedbackPublic
        case briefAnnex
        case briefAnnexCaption
        case briefTitleAbout
        case briefSubjectAction
        case briefCountingNote
        case briefAboutSubject
        case briefAlsoInCountries
        case briefAlsoUnderMeasures
        case briefNamedCount
        case briefNoFeedback
        case briefRunningAsOf

        // MARK: Measures
        case homeTitle
        case homeIntro
        case homeMeasuresHeading
        case homeMeasuresIntro
        case measuresTitle
        case measuresIntro
        case measureGuidance
        case previousMeasure
        case nextMeasure
        case allMeasures
        case measureFollowHeading
        case measurePledgesLink
        case measureDashboardLink
        case measureFeedbackLink
        case homeGlanceHeading
        case homeSeeDashboards

        // MARK: Worklists
        case worklistTitle
        case worklistIntro
        case worklistNothingAssigned
        case worklistNone
        case worklistUnreadNotices
        case worklistReadNotices
        case worklistMyPledges
        case worklistAllMyPledges
        case worklistOverdue
        case worklistSentBack
        case worklistStale
        case worklistAwaitingAnswer
        case worklistQueue
        case worklistWaitingValidation
        case worklistAwaitingModeration
        case worklistOverdueAll
        case worklistStaleAll
        case worklistEntitiesWithoutFocalPoint
        case worklistFeedbackByReview
        case worklistPanels
        case worklistYourPanels
        case worklistAccounts
    }

    typealias Table = (name: String, entries: KeyValuePairs<Key, String>)

    /// The placeholders that stand for numbers: pages pass them as numbers (`format(_:numbers:)`),
    /// so they are written the reader's way and may choose a plural form.
    static let numericPlaceholders: Set<String> = [
        "count", "total", "done", "shown", "pledges", "n", "hours", "withdrawn", "progress", "planning", "percent", "page", "pages",
        "overdue", "months", "max", "halfway", "fulfilled", "chosen", "bestCount", "number", "version", "covered", "missing",
    ]

    /// Each language's tables: the shared one and one per feature, in the same order. English
    /// is the source; a translation gives every English key, with the same placeholders and
    /// the plural forms its language needs (`TranslationTests`).
    static let tables: [Language: [Table]] = [
        .english: englishTables,
        .arabic: named(
            generalArabic, accountsArabic, pledgesArabic, dashboardsArabic, feedbackArabic, reportsArabic, measuresArabic, worklistsArabic),
        .chinese: named(
            generalChinese, accountsChinese, pledgesChinese, dashboardsChinese, feedbackChinese, reportsChinese, measuresChinese,
            worklistsChinese),
        .french: named(
            generalFrench, accountsFrench, pledgesFrench, dashboardsFrench, feedbackFrench, reportsFrench, measuresFrench, worklistsFrench),
        .russian: named(
            generalRussian, accountsRussian, pledgesRussian, dashboardsRussian, feedbackRussian, reportsRussian, measuresRussian,
            worklistsRussian),
        .spanish: named(
            generalSpanish, accountsSpanish, pledgesSpanish, dashboardsSpanish, feedbackSpanish, reportsSpanish, measuresSpanish,
            worklistsSpanish),
    ]

    /// One language's tables in the English tables' order, named as they are.
    private static func named(_ entries: KeyValuePairs<Key, String>...) -> [Table] {
        zip(englishTables.map(\.name), entries).map { (name: $0, entries: $1) }
    }

    /// Every language's words, one catalog each, made once.
    static let catalogs: [Language: [Key: String]] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0, catalog(tables[$0] ?? [])) })

    /// The English tables: the shared one here and one per feature.
    static let englishTables: [Table] = [
        ("shared", general), ("accounts", accountsEnglish), ("pledges", pledgesEnglish), ("dashboards", dashboardsEnglish),
        ("feedback", feedbackEnglish), ("reports", reportsEnglish), ("measures", measuresEnglish),
        ("worklists", worklistsEnglish),
    ]

    static let english: [Key: String] = catalog(englishTables)

    /// Keys that more than one entry gives words to; none, or the app stops at start.
    static func duplicateKeys(_ tables: [(name: String, entries: KeyValuePairs<Key, String>)]) -> [Key] {
        var seen = Set<Key>(), twice: [Key] = []
        for table in tables {
            for (key, _) in table.entries where !seen.insert(key).inserted { twice.append(key) }
        }
        return twice
    }

    /// The tables as one catalog. A key given twice is an error, not a silent choice of one.
    static func catalog(_ tables: [(name: String, entries: KeyValuePairs<Key, String>)]) -> [Key: String] {
        let twice = duplicateKeys(tables)
        precondition(twice.isEmpty, "text keys given words twice: \(twice.map(\.rawValue).joined(separator: ", "))")
        var all: [Key: String] = [:]
        for table in tables { for (key, text) in table.entries { all[key] = text } }
        return all
    }

    /// The words the layout, forms and errors share, and those several features use.
    static let general: KeyValuePairs<Key, String> = [
        .siteName: "Pledgetrack",
        .siteTagline: "Following the pledges on protection from trafficking, from commitment to evaluation",
        .skipToContent: "Skip to main content",
        .mainNavigation: "Main",
        .menuOpen: "Menu",
        .menuClose: "Close the menu",
        .navHome: "Home",
        .navMeasures: "Measures",
        .breadcrumbs: "You are here",
        .footerAbout:
            "Pledgetrack follows the Multistakeholder Pledge: Protection for refugees and migrants at risk of or affected by trafficking in persons.",
        .footerSources:
            "Measure titles and summaries are Pledgetrack’s own wording; each measure links to the pledge guidance it comes from.",
        .measureNumber: "Measure {number}",
        .measureTheme: "Theme",
        .measureSDGTargets: "SDG targets",
        .measureGCMActions: "GCM Objective 10 actions",
        .measureNone: "None",
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
        .navWork: "Your work",
        .forbiddenTitle: "You cannot do this",
        .forbiddenBody:
            "Your account does not allow this page or action, or the form was sent from outside Pledgetrack or has expired. Go back, reload the page and try again; if you should have access, ask the secretariat.",
        .tooLargeTitle: "Too much to send",
        .tooLargeBody: "What you sent is larger than Pledgetrack accepts. Send less at a time.",
        .formErrorsHeading: "There is a problem",
        .fieldPassword: "Password",
        .fieldName: "Name",
        .fieldStatus: "Status",
        .fieldCurrentPassword: "Current password",
        .fieldConfirmPassword: "New password again",
        .passwordsDiffer: "The two passwords are not the same.",
        .passwordRules: "At least 8 characters. Any characters are allowed, and a long phrase is better than a short word.",
        .currentPasswordWrong: "Your current password is not right.",
        .saveButton: "Save",
        .emailInvalid: "Enter an e-mail address like name@example.org.",
        .emailTaken: "An account with this e-mail address exists already.",
        .cannotDropOwnAdmin: "You cannot take the admin role from yourself; ask another admin.",
        .entityUnknown: "One of the chosen entities does not exist any more. Reload the page.",
        .invitationLinkLabel: "Link",
        .pagination: "Pages",
        .previousPage: "Previous page",
        .nextPage: "Next page",
        .pageOf: "Page {page} of {pages}",
        .auditDetail: "Detail",
        .filtersLabel: "Filters",
        .filterButton: "Show",
        .filterToggle: "Filter",
        .filterToggleActive: "Filter ({count} active)",
        .periodFrom: "From",
        .periodTo: "To",
        .flashUserSaved: "Saved.",
        .navPledges: "Pledges",
        .pledgesTitle: "Pledges",
        .noPledgesMatch: "No pledge matches these filters. Remove a filter to see more.",
        .anyOption: "Any",
        .clearFilters: "Clear all filters",
        .sortLabel: "Order",
        .milestonesDoneOf: "{done} of {total} done",
        .overdueCount: "{count} overdue",
        .statusPlanning: "Planning",
        .statusInProgress: "In progress",
        .statusFulfilled: "Fulfilled",
        .statusWithdrawn: "Withdrawn",
        .msNotStarted: "Not started",
        .msDone: "Done",
        .fieldStage: "Stage",
        .fieldTitle: "Title",
        .fieldDueDate: "Due date",
        .fieldPercent: "Percent complete",
        .fieldCompletedOn: "Completed on",
        .fieldValidation: "Validation",
        .fieldOwner: "Owner",
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
        .countriesMissing: "Choose at least one country.",
        .countryUnknown: "One of the countries is not in the list. Choose from the list.",
        .navEntities: "Entities",
        .noneOption: "None",
        .navDashboards: "Dashboards",
        .dashIncludesRestricted: "They include restricted pledges, which only signed-in staff can see.",
        .dashPublicOnly: "They count public pledges only.",
        .dashHeadline: "Headline figures",
        .dashPledges: "Pledges",
        .dashEntities: "Pledging entities",
        .dashCountries: "Countries with pledges",
        .dashOverdueMilestones: "Overdue milestones",
        .dashMilestones: "Milestones",
        .dashMilestonesDone: "Milestones done",
        .dashDoneOf: "{done} of {total} ({percent} %)",
        .chartCompletedDesc:
            "A line of {count, plural, one {# milestone} other {# milestones}} completed over {months, plural, one {# month} other {# months}}.",
        .dashNothing: "No pledges match these filters.",
        .dashNoOverdue: "No milestone is overdue.",
        .navFeedback: "Survivor feedback",
        .navPanels: "Panels",
        .quickExit: "Leave this site",
        .quickExitHint: "Hides this page at once. Or press Shift three times.",
        .stayingSafeLink: "Staying safe online",
        .feedbackTitle: "Survivor feedback",
        .feedbackNone: "There is no feedback here for you to read yet.",
        .feedbackNumber: "Feedback {number}",
        .feedbackWithdrawnBadge: "Withdrawn",
        .feedbackWithdrawnText: "Its author withdrew this feedback; its text was erased.",
        .fieldReview: "Review status",
        .fieldContentNote: "Content note (optional)",
        .fieldScope: "Who may read it?",
        .fieldPanel: "Panel",
        .fieldModeration: "Moderation",
        .noticeLink: "How feedback is used: the notice",
        .panelMembers: "Members",
        .navReports: "Reports",
        .fewerThan: "fewer than {count}",
        .filterIgnored: "{filter}: the value given is not one we know, so this filter is left out.",
        .filterIgnoredIntro: "Some filters in the address could not be used. What follows is shown without them:",
        .shareNone: "—",
        .pickerSearchLabel: "Find in this list",
        .pickerSearchButton: "Search",
        .pickerChosen: "Chosen",
        .pickerShown: "{shown} of {total} shown, {chosen} chosen.",
        .pickerNoMatch: "Nothing matches “{term}”. Try fewer letters, or clear the search.",
        .pickerOther: "Other",
        .languageSwitcher: "Language",
        .fieldInterfaceLanguage: "Language of the pages",
        .flashLanguageSaved: "Saved. Pledgetrack now shows its pages in this language.",
        .languageUnknown: "Choose one of the languages in the list.",
        .shownInOriginal: "Shown as written, in {language}: there is no translation yet.",
        .translatedFrom: "Translated from {language}.",
        .writtenIn: "Written in {language}.",
        .translationsHeading: "Translations",
        .translationsIntro:
            "Give the title and the description in other languages. Readers see their own language where a translation exists, and the original otherwise. Leave a language empty when there is no translation.",
        .fieldOriginalLanguage: "Language it is written in",
        .translationTitleLabel: "Title in {language}",
        .translationDescriptionLabel: "Description in {language}",
        .translationSaveButton: "Save the translations",
        .flashTranslationsSaved: "The translations are saved.",
        .fieldWritingLanguage: "Language you are writing in",
        .percentValue: "{percent} %",
        .colon: ": ",
    ]
}
