import Markup

/// `/panels/{id}`: a panel's countries, facilitator and members (for its facilitator and the
/// secretariat), and its feedback as this reader may see it.
struct PanelPage: PageView {
    let panel: PanelQueries.Detail
    let items: [FeedbackQueries.Item]
    let total: Int
    let filter: FeedbackFilter
    let reference: ReferenceData
    let reader: SignedInUser
    let isStaff: Bool
    /// A one-time link just made, shown once.
    let link: String?

    /// Only the facilitator sees who the members are.
    private var isFacilitator: Bool { panel.isFacilitated(by: reader) }
    private var runsIt: Bool { panel.isRun(by: reader) }

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let countries = panel.countryCodes.compactMap { code in reference.countries.first { $0.iso3 == code }?.name }
        return Page(
            title: Bidi.plain(panel.name), breadcrumbs: [.init(title: t[.feedbackTitle], href: "/feedback")],
            content: """
                \(linkBox(t))
                <dl class="facts">
                <dt>\(t[.fieldCountries])</dt><dd>\(Bidi.list(countries, t.language))</dd>
                <dt>\(t[.fieldFacilitator])</dt><dd>\(panel.facilitator.map(Bidi.isolate) ?? HTML(text: t[.noFacilitator]))\(panel.facilitatorChangedAt.map { at -> HTML in
                " <span class=\"hint\">(\(t.format(.facilitatorChangedOn, "date", Formatting.date(at, t.language))))</span>" } ?? .empty)</dd>
                <dt>\(t[.panelMembers])</dt><dd>\(panel.members.count)</dd>
                </dl>
                \(if: reader.has(.secretariat), "<p><a href=\"/panels/\(panel.id)/edit\">\(t[.editPanel])</a></p>")
                \(members(t))
                \(FormViews.ignoredFilters(filter.ignored, t))
                <h2>\(FeedbackViews.found(total, t))</h2>
                \(if: isStaff, "<p class=\"hint\">\(t[.feedbackStaffListHint])</p>")
                \(FeedbackViews.list(items, showModeration: runsIt, empty: .feedbackNone, t))
                \(FeedbackViews.pager(path: "/panels/\(panel.id)", filter, total: total, t))
                """, showsSecret: link != nil)
    }

    private func linkBox(_ t: Strings) -> HTML {
        guard let link else { return .empty }
        return """
            <div class="flash flash-success" role="status"><h2>\(t[.joinLinkTitle])</h2>
            <p>\(t.format(.joinLinkIntro, numbers: ["hours": PanelWrites.linkValidHours]))</p>
            <p><label for="join-link">\(t[.invitationLinkLabel])</label><br><input id="join-link" type="text" readonly value="\(link)" size="60"></p></div>
            """
    }

    private func members(_ t: Strings) -> HTML {
        guard runsIt else { return .empty }
        let link: HTML = "<p><a href=\"/panels/\(panel.id)/links\">\(t[.newJoinLinkButton])</a></p>"
        guard isFacilitator else { return link }
        let rows = panel.members.map { m -> HTML in
            let consent = m.consentVersion.map { t.format(.noticeVersionShort, numbers: ["version": $0]) } ?? t[.noticeNotYet]
            return
                "<tr><th scope=\"row\">\(Bidi.isolate(m.pseudonym))</th><td>\(Formatting.date(m.joinedAt, t.language))</td><td>\(consent)</td></tr>"
        }
        let table: HTML =
            panel.members.isEmpty
            ? "<p>\(t[.noMembers])</p>"
            : """
            <table><caption>\(t[.panelMembers])</caption>
            <thead><tr><th scope="col">\(t[.fieldPseudonym])</th><th scope="col">\(t[.joinedOn])</th><th scope="col">\(t[.noticeAcceptedColumn])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return "<h2>\(t[.panelMembers])</h2>\(table)\(link)"
    }
}
