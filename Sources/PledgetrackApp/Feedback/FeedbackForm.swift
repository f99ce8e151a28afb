import Foundation

/// Feedback as a member writes it: the text, an optional content note, who may read it, and
/// optionally the pledge (and milestone) it is about. The form comes back with all of it
/// when something needs fixing, or while the member searches for a pledge.
struct FeedbackForm: Sendable {
    static let maxBody = 4000
    static let maxNote = 200

    var body = ""
    var contentNote = ""
    var scope = FeedbackScope.panel.rawValue  // the most restrictive, unless the author widens it
    var pledgeID = ""
    var milestoneID = ""
    var pledgeSearch = ""
    /// The language it is written in; the page offers the reader's own first.
    var language = ""

    init() {}

    init(_ form: FormData) {
        body = Self.clean(form.string("body")).trimmingCharacters(in: .whitespacesAndNewlines)
        contentNote = Self.clean(form.trimmed("content_note"))
        let chosen = form.trimmed("scope")
        scope = chosen.isEmpty ? FeedbackScope.panel.rawValue : chosen  // none chosen: the most restrictive
        pledgeID = form.trimmed("pledge")
        milestoneID = form.trimmed("milestone")
        pledgeSearch = String(form.trimmed("pledge_search").prefix(200))
        language = form.trimmed("language")
    }

    struct Valid: Sendable {
        let body: String
        let contentNote: String?
        let scope: FeedbackScope
        let pledgeID: Int?
        let milestoneID: Int?
        let language: Language
    }

    /// Checks what can be checked without the database; `pledgeKnown` and `milestoneKnown`
    /// say whether the chosen pledge is one the member may write about, and the milestone its own.
    /// A form without a language (an older page) is taken to be in the page's language.
    func validate(pledgeKnown: Bool, milestoneKnown: Bool, pageLanguage: Language = .english) -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        let length = body.unicodeScalars.count
        if body.isEmpty { errors.add("body", .feedbackEmpty) } else if length > Self.maxBody { errors.add("body", .feedbackTooLong) }
        if contentNote.unicodeScalars.count > Self.maxNote { errors.add("content_note", .contentNoteTooLong) }
        let scope = FeedbackScope(rawValue: scope)
        let pledge = pledgeID.isEmpty ? nil : Int(pledgeID)
        let milestone = milestoneID.isEmpty ? nil : Int(milestoneID)
        if scope == nil { errors.add("scope", .scopeInvalid) }
        if scope == .pledgeOwners, pledgeID.isEmpty { errors.add("scope", .scopeNeedsPledge) }
        if !pledgeID.isEmpty, pledge == nil || !pledgeKnown { errors.add("pledge_search", .feedbackPledgeUnknown) }
        if !milestoneID.isEmpty, milestone == nil || !milestoneKnown { errors.add("milestone", .feedbackMilestoneUnknown) }
        let language = language.isEmpty ? pageLanguage : Language(code: language)
        if language == nil { errors.add("language", .languageUnknown) }
        guard errors.isEmpty, let scope, let language else { return .failure(errors) }
        return .success(
            Valid(
                body: body, contentNote: contentNote.isEmpty ? nil : contentNote, scope: scope,
                pledgeID: pledge, milestoneID: milestone, language: language))
    }

    /// Text as stored: one kind of line break, and no NUL (PostgreSQL's text cannot hold it).
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{0}", with: "")
    }
}
