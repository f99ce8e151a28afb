extension Strings {
    /// The words of the worklists, in English: one key a line, in the order of the keys'
    /// `Worklists` group in `Strings.Key`.
    static let worklistsEnglish: KeyValuePairs<Key, String> = [
        .worklistTitle: "Your work",
        .worklistIntro: "What is waiting for you. Each line opens the list it counts.",
        .worklistNothingAssigned: "Nothing is assigned to you yet. The secretariat gives roles and entities.",
        .worklistNone: "none",
        .worklistUnreadNotices: "You have {count, plural, one {a security notice} other {# security notices}} you have not read.",
        .worklistReadNotices: "Read them on your account page",
        .worklistMyPledges: "Your entities' pledges",
        .worklistAllMyPledges: "All your entities' pledges",
        .worklistOverdue: "With overdue milestones",
        .worklistSentBack: "With an evaluation the secretariat sent back",
        .worklistStale: "Without an update for 180 days",
        .worklistAwaitingAnswer: "Survivor feedback waiting for your answer",
        .worklistQueue: "The secretariat's queue",
        .worklistWaitingValidation: "Evaluations waiting for validation",
        .worklistAwaitingModeration: "Feedback waiting for a moderation decision",
        .worklistOverdueAll: "Pledges with overdue milestones",
        .worklistStaleAll: "Pledges without an update for 180 days",
        .worklistEntitiesWithoutFocalPoint: "Entities without a focal point",
        .worklistFeedbackByReview: "Survivor feedback by where its review stands",
        .worklistPanels: "Survivor panels",
        .worklistYourPanels: "Panels you facilitate",
        .worklistAccounts: "Accounts",
    ]
}
