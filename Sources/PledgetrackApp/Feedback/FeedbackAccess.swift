/// The survivor-safety rules the pages and headers follow. What a reader may *see* is
/// decided in SQL (`feedback_visible_to`); these only shape the pages around it.
enum FeedbackAccess {
    /// People who read feedback as part of their work: their reads of non-public feedback
    /// are audited, and lists show them no text (they open each item). Mirrors
    /// `reader_is_staff` in SQL.
    static func isStaff(_ user: SignedInUser) -> Bool {
        !user.roles.isDisjoint(with: [.admin, .secretariat, .focalPoint, .panelFacilitator])
    }

    /// Pages where a survivor may be: they carry the quick-exit control, are never stored by
    /// a browser or proxy, and send no referrer. That is every feedback, panel and joining
    /// page, the sign-in page, and every page a panel member sees.
    static func isSafetyPage(path: String, user: SignedInUser?) -> Bool {
        if user?.has(.panelMember) == true { return true }
        return ["/feedback", "/panels", "/join", "/login", "/account/delete"].contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Where "Leave this site" goes: a busy, neutral site.
    static let neutralSite = "https://www.wikipedia.org/"
}
