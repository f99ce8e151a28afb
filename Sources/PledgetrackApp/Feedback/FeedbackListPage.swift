import Markup
import Synchronization

/// `/feedback`: the feedback this reader may see (the database decides which), newest
/// first. For members, their panel's space; for the secretariat, the review queue (the
/// same list with its filters); for visitors, what was published with public consent.
struct FeedbackListPage: PageView {
    let filter: FeedbackFilter
    let items: [FeedbackQueries.Item]
    let total: Int
    let membership: PanelQueries.Membership?
    let panels: [(id: Int, name: String)]
    let reference: ReferenceData
    let isStaff: Bool
    let canModerate: Bool

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: t[.feedbackTitle],
            content: """
                <p>\(t[.feedbackIntro])</p>
                \(memberBox(t))
                \(staffBox(context, t))
                \(FormViews.ignoredFilters(filter.ignored, t))
                <h2>\(FeedbackViews.found(total, t))</h2>
                \(if: isStaff, "<p class=\"hint\">\(t[.feedbackStaffListHint])</p>")
                \(FeedbackViews.list(items, showModeration: canModerate, empty: .feedbackNone, t))
                \(FeedbackViews.pager(path: "/feedback", filter, total: total, t))
                <p><a href="/feedback/consent">\(t[.noticeLink])</a> · <a href="/dashboards/measures/18">\(t[.feedbackFigures])</a></p>
                """)
    }

    private func memberBox(_ t: Strings) -> HTML {
        guard let membership else { return .empty }
        let action: HTML =
            membership.hasConsented
            ? "<p><a class=\"button\" href=\"/feedback/new\(filter.pledge.map { "?pledge=\($0)" } ?? "")\">\(t[.writeFeedback])</a></p>"
            : "<div class=\"flash flash-info\" role=\"status\">\(t[.consentFirst]) <a href=\"/feedback/consent?next=/feedback/new\">\(t[.readNotice])</a></div>"
        return """
            <section aria-labelledby="your-panel"><h2 id="your-panel">\(Bidi.format(t, .yourPanel, "panel", Bidi.isolate(membership.panelName)))</h2>
            \(action)
            <p><a href="/feedback?mine=1">\(t[.onlyMine])</a> · <a href="/panels/\(membership.panelID)">\(t[.panelFeedbackLink])</a> · <a href="/account/delete">\(t[.deleteAccountLink])</a></p>
            </section>
            """
    }

    /// The country and measure choices, escaped once per language: reference data changes
    /// only with a migration, and so with a restart.
    private static let rendered = Mutex<[Language: (countries: RenderedOptions, measures: RenderedOptions)]>([:])

    private func choices(_ t: Strings) -> (countries: RenderedOptions, measures: RenderedOptions) {
        Self.rendered.withLock { cache in
            if let done = cache[t.language] { return done }
            let made = (
                RenderedOptions(reference.countries.map { ($0.iso3, $0.name) }),
                RenderedOptions(
                    reference.measures.map {
                        ("\($0.number)", t.format(.measureNumber, numbers: ["number": $0.number]) + t.colon + $0.title)
                    })
            )
            cache[t.language] = made
            return made
        }
    }

    /// Filters for people who review feedback: panel, measure, country, pledge, status.
    private func staffBox(_ context: PageContext, _ t: Strings) -> HTML {
        guard isStaff else { return .empty }
        let panelOptions = panels.map { ("\($0.id)", $0.name, filter.panel == $0.id) }
        let (countries, measures) = choices(t)
        let review = Review.options(t, selected: Set([filter.review].compactMap { $0 }))
        let moderation = Moderation.options(t, selected: Set([filter.moderation].compactMap { $0 }))
        let queue: HTML = canModerate ? "<p><a href=\"/feedback/moderation\">\(t[.moderationQueueLink])</a></p>" : .empty
        let active = [
            filter.panel != nil, filter.measure != nil, filter.country != nil, filter.pledge != nil, filter.review != nil,
            filter.moderation != nil,
        ]
        return """
            \(queue)
            \(FormViews.filterPanel(active: active.filter { $0 }.count, t, """
            <form method="get" action="/feedback" class="filters" aria-label="\(t[.filtersLabel])">
            \(FormViews.select("panel", label: t[.fieldPanel], options: panelOptions, blank: t[.anyOption], t))
            \(FormViews.select("measure", label: t[.fieldMeasure], rendered: measures.html(selected: filter.measure.map(String.init)), blank: t[.anyOption]))
            \(FormViews.select("country", label: t[.fieldCountry], rendered: countries.html(selected: filter.country), blank: t[.anyOption]))
            \(FormViews.field("pledge", label: t[.fieldPledgeNumber], value: filter.pledge.map(String.init) ?? "", required: false, t))
            \(FormViews.select("review", label: t[.fieldReview], options: review, blank: t[.anyOption], t))
            \(if: canModerate, FormViews.select("moderation", label: t[.fieldModeration], options: moderation, blank: t[.anyOption], t))
            <div class="checkbox"><input type="checkbox" id="awaiting" name="awaiting" value="1"\(if: filter.awaitingAnswer, " checked")><label for="awaiting">\(t[.awaitingAnswerOnly])</label></div>
            <button type="submit" class="button">\(t[.filterButton])</button> <a href="/feedback">\(t[.clearFilters])</a>
            </form>
            """))
            """
    }
}
