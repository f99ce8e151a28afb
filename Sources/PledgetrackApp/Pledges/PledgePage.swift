import Database
import Foundation
import Markup

/// `/pledges/{id}`: the pledge, its milestones on the commitment → implementation → evaluation
/// timeline, and its history.
struct PledgePage: PageView {
    let pledge: PledgeQueries.Pledge
    let milestones: [PledgeQueries.Milestone]
    let history: [PledgeQueries.Change]
    let reference: ReferenceData
    let canEdit: Bool
    let canValidate: Bool
    let today: CalendarDate
    let now: Date

    /// The language of the title and description the reader sees.
    private func shownLanguage(_ context: PageContext) -> Language {
        pledge.translation == nil ? pledge.language : context.language
    }

    /// Says when the reader sees a translation, or the original in another language.
    private func languageNote(_ context: PageContext) -> HTML {
        let t = context.strings
        let original = context.language.name(of: pledge.language)
        if pledge.translation != nil { return "<p class=\"language-note\">\(t.format(.translatedFrom, "language", original))</p>" }
        guard pledge.language != context.language else { return .empty }
        return "<p class=\"language-note\">\(t.format(.shownInOriginal, "language", original))</p>"
    }

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let stale =
            pledge.status != .fulfilled && pledge.status != .withdrawn
            // Before the start of today less 180 days, as the pledge list and dashboards count it.
            && pledge.lastActivity.timeIntervalSince1970
                < (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 - Double(PledgeFilter.staleDays) * 86_400
        return Page(
            // The heading is the title as it is shown: isolated (U+2068 … U+2069), so its own
            // first letter decides its direction, also inside the layout's <h1> and <title>.
            title: Bidi.plain(pledge.shownTitle), breadcrumbs: [.init(title: t[.pledgesTitle], href: "/pledges")],
            content: """
                <p class="status-line">\(PledgeViews.statusBadge(pledge.status, t))
                \(if: stale, "<span class=\"badge badge-warn\">\(t[.staleBadge])</span>")
                \(if: pledge.visibility == .restricted, "<span class=\"badge\">\(t[.visibilityRestricted])</span>")
                <a class="small" href="/pledges#status-rule">\(t[.howStatusIsSet])</a></p>
                \(pledge.status == .withdrawn ? "<p class=\"flash flash-warning\">\(t[.withdrawnNotice]) \(pledge.withdrawnReason.map(Bidi.isolate) ?? .empty)</p>" as HTML : .empty)
                \(facts(context))
                \(languageNote(context))
                \(pledge.shownDescription.isEmpty ? .empty : "<div class=\"description\" lang=\"\(shownLanguage(context).rawValue)\" dir=\"auto\">\(paragraphs(pledge.shownDescription))</div>" as HTML)
                \(canEdit ? """
                    <p><a class="button secondary" href="/pledges/\(pledge.id)/edit">\(t[.editPledgeButton])</a>
                    <a class="button secondary" href="/pledges/\(pledge.id)/translations">\(t[.translateButton])</a></p>
                    """ as HTML : .empty)
                <h2 id="milestones">\(t[.milestonesHeading])</h2>
                <div class="timeline">\(Stage.allCases.map { stageSection($0, context) })</div>
                <h2 id="history">\(t[.historyHeading])</h2>
                \(historyList(context))
                <h2 id="feedback">\(t[.feedbackTitle])</h2>
                <p>\(t[.pledgeFeedbackIntro]) <a href="/feedback?pledge=\(pledge.id)">\(t[.pledgeFeedbackLink])</a></p>
                """)
    }

    private func facts(_ context: PageContext) -> HTML {
        let t = context.strings
        let countries = pledge.countries.map { c -> HTML in Bidi.link("/pledges?country=\(c.iso3)", c.name) }
        let measures = pledge.measures.compactMap(reference.measure).map { m -> HTML in
            "<li><a href=\"/measures/\(m.number)\">\(t.format(.measureNumber, numbers: ["number": m.number]))\(t.colon)\(Bidi.isolate(m.title))</a></li>"
        }
        let coOwners = pledge.coOwners.map { Bidi.isolate($0.name) }
        let dates = [
            pledge.startDate.map { t.format(.fromDate, ["date": PledgeViews.day($0, context)]) },
            pledge.targetDate.map { t.format(.toDate, ["date": PledgeViews.day($0, context)]) },
        ].compactMap { $0 }
        return """
            <dl class="facts">
            <dt>\(t[.fieldOwner])</dt><dd>\(Bidi.isolate(pledge.ownerName))\(coOwners.isEmpty ? .empty : " · \(t[.withCoOwners]) \(Bidi.list(coOwners, context.language))" as HTML)</dd>
            <dt>\(t[.fieldKind])</dt><dd>\(t[pledge.kind.label])</dd>
            <dt>\(t[.fieldCountries])</dt><dd>\(Bidi.list(countries, context.language))</dd>
            \(dates.isEmpty ? .empty : "<dt>\(t[.fieldPeriod])</dt><dd>\(dates.joined(separator: " "))</dd>" as HTML)
            \(pledge.grfID.map { "<dt>\(t[.fieldGRFID])</dt><dd>\(Bidi.ltr($0))</dd>" as HTML } ?? .empty)
            <dt>\(t[.measureSDGTargets])</dt><dd>\(MeasureViews.targetTags(pledge.targets, t))</dd>
            <dt>\(t[.measureGCMActions])</dt><dd>\(MeasureViews.actionTags(pledge.actions, t))</dd>
            <dt>\(t[.lastUpdate])</dt><dd>\(Formatting.dateTime(pledge.lastActivity, context.language))</dd>
            </dl>
            <h2>\(t[.navMeasures])</h2><ul class="plain">\(measures)</ul>
            """
    }

    private func stageSection(_ stage: Stage, _ context: PageContext) -> HTML {
        let t = context.strings
        let items = milestones.filter { $0.stage == stage }
        let list = items.map { milestoneItem($0, context) }
        let add: HTML =
            canEdit && pledge.status != .withdrawn
            ? "<p><a href=\"/pledges/\(pledge.id)/milestones/new?stage=\(stage.rawValue)\">\(t.format(.addMilestoneTo, ["stage": t[stage.label].lowercased()]))</a></p>"
            : .empty
        return """
            <section class="stage stage-\(stage.rawValue)" aria-labelledby="stage-\(stage.rawValue)">
            <h3 id="stage-\(stage.rawValue)">\(t[stage.label])</h3>
            \(items.isEmpty ? "<p class=\"muted\">\(t[.noMilestones])</p>" as HTML : "<ol class=\"milestones\">\(list)</ol>")
            \(add)
            </section>
            """
    }

    private func milestoneItem(_ m: PledgeQueries.Milestone, _ context: PageContext) -> HTML {
        let t = context.strings
        let overdue = m.isOverdue(today: today)
        let evidence = m.evidence.map { e -> HTML in "<li>\(Bidi.link(e.url, e.title, extra: " rel=\"external nofollow noopener\""))</li>" }
        var details: [HTML] = []
        if let due = m.dueDate { details.append("\(t[.fieldDueDate])\(t.colon)\(PledgeViews.day(due, context))") }
        if let done = m.completedOn { details.append("\(t[.fieldCompletedOn])\(t.colon)\(PledgeViews.day(done, context))") }
        if let validation = m.validation {
            details.append(
                "\(PledgeViews.validationBadge(validation, t))\(m.validationReason.map { ": \(Bidi.isolate($0))" as HTML } ?? .empty)")
        }
        return """
            <li class="milestone\(if: overdue, " overdue")" id="milestone-\(m.id)">
            <div class="milestone-head"><strong lang="\(m.translatedTitle == nil ? pledge.language.rawValue : context.language.rawValue)">\(Bidi.isolate(m.shownTitle))</strong> \(PledgeViews.milestoneBadge(m.status, t))
            \(if: overdue, "<span class=\"badge badge-bad\">\(t[.overdueBadge])</span>")</div>
            <div class="progress-line"><progress max="100" value="\(m.percent)" aria-label="\(t[.fieldPercent])"></progress> \(m.percent) %</div>
            <p class="small">\(HTML.join(details, separator: " · "))</p>
            \(m.notes.isEmpty ? .empty : "<p\(Bidi.auto)>\(m.notes)</p>" as HTML)
            \(evidence.isEmpty ? .empty : "<ul class=\"evidence\">\(evidence)</ul>" as HTML)
            \(canEdit ? editControls(m, context) : .empty)
            \(canValidate && m.stage == .evaluation && m.status == .done && m.validation != .validated ? validationForm(m, context) : .empty)
            </li>
            """
    }

    private func editControls(_ m: PledgeQueries.Milestone, _ context: PageContext) -> HTML {
        let t = context.strings
        let move = { (direction: String, label: Strings.Key) -> HTML in
            FormViews.form(
                action: "/milestones/\(m.id)/move", csrfToken: context.csrfToken,
                "<input type=\"hidden\" name=\"direction\" value=\"\(direction)\"><button type=\"submit\" class=\"link-button\">\(t[label])</button>",
                label: t.format(.moveMilestone, ["title": Bidi.plain(m.title)]))
        }
        return """
            <div class="milestone-actions"><a href="/milestones/\(m.id)/edit">\(Bidi.format(t, .editMilestoneLink, "title", Bidi.isolate(m.title)))</a>
            \(move("up", .moveUp)) \(move("down", .moveDown))</div>
            """
    }

    private func validationForm(_ m: PledgeQueries.Milestone, _ context: PageContext) -> HTML {
        let t = context.strings
        return FormViews.form(
            action: "/milestones/\(m.id)/validation", csrfToken: context.csrfToken,
            """
            <fieldset class="field"><legend>\(t[.validationHeading])</legend>
            <div class="checkbox"><input type="radio" id="decision-\(m.id)-v" name="decision" value="validated"><label for="decision-\(m.id)-v">\(t[.validationValidated])</label></div>
            <div class="checkbox"><input type="radio" id="decision-\(m.id)-s" name="decision" value="sent_back"><label for="decision-\(m.id)-s">\(t[.validationSentBack])</label></div>
            \(FormViews.field("reason", label: t[.validationReasonLabel], required: false, t))
            \(FormViews.button(t[.saveButton], secondary: true))
            </fieldset>
            """, label: t[.validationHeading])
    }

    private func historyList(_ context: PageContext) -> HTML {
        let t = context.strings
        guard !history.isEmpty else { return "<p class=\"muted\">\(t[.noHistory])</p>" }
        let arrow = Bidi.arrow(context.language)
        let items = history.map { c -> HTML in
            // Old and new values are isolated: a title typed in another direction than the page's
            // would otherwise pull the arrow and the other value into its own order.
            let changes = c.changes.map { f -> HTML in
                "<li><strong>\(t.shown(f.field))</strong>\(t.colon)\(Bidi.isolate(f.old.isEmpty ? "—" : t.shown(f.old))) \(arrow) \(Bidi.isolate(f.new.isEmpty ? "—" : t.shown(f.new)))</li>"
            }
            return """
                <li>\(Bidi.time(Formatting.iso(c.at), Formatting.dateTime(c.at, context.language))) ·
                \(Bidi.isolate(c.actor ?? t[.someoneUnknown])) · \(t[PledgeViews.actionKey(c.action)])\(c.milestoneTitle.map { "\(t.colon)\(Bidi.isolate($0))" as HTML } ?? .empty)
                \(changes.isEmpty ? .empty : "<ul>\(changes)</ul>" as HTML)
                \(c.why.isEmpty ? .empty : "<p class=\"why\">\(t[.fieldWhy]): \(Bidi.isolate(c.why))</p>" as HTML)</li>
                """
        }
        return "<ol class=\"history\">\(items)</ol>"
    }

    private func paragraphs(_ text: String) -> HTML {
        // Each paragraph takes its own direction: a description may be in two languages.
        HTML.join(text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p\(Bidi.auto)>\($0)</p>" })
    }
}

/// Small pieces that show pledge words the same way everywhere.
enum PledgeViews {
    /// "Saved by Amina Diallo on 1 December 2026 at 14:05": on a conflict page, who saved the
    /// version that is now stored.
    static func lastChange(_ last: PledgeQueries.LastChange?, _ context: PageContext) -> HTML {
        guard let last else { return .empty }
        let t = context.strings
        let when = Formatting.dateTime(last.at, context.language)
        return
            "<p>\(Bidi.format(t, .conflictSavedBy, ["name": Bidi.isolate(last.actor ?? t[.someoneUnknown]), "when": HTML(text: when)]))</p>"
    }

    static func statusBadge(_ status: PledgeStatus, _ t: Strings) -> HTML {
        "<span class=\"badge status-\(status.rawValue)\">\(t[status.label])</span>"
    }

    static func milestoneBadge(_ status: MilestoneStatus, _ t: Strings) -> HTML {
        "<span class=\"badge ms-\(status.rawValue)\">\(t[status.label])</span>"
    }

    static func validationBadge(_ state: ValidationState, _ t: Strings) -> HTML {
        "<span class=\"badge validation-\(state.rawValue)\">\(t[state.label])</span>"
    }

    static func day(_ date: CalendarDate, _ context: PageContext) -> String {
        Formatting.date(date, context.language)
    }

    static func actionKey(_ action: String) -> Strings.Key {
        switch action {
        case "pledge.created": .actionPledgeCreated
        case "pledge.updated": .actionPledgeUpdated
        case "pledge.withdrawn": .actionPledgeWithdrawn
        case "pledge.translated": .actionPledgeTranslated
        case "milestone.created": .actionMilestoneCreated
        case "milestone.validated": .actionMilestoneValidated
        case "milestone.sent_back": .actionMilestoneSentBack
        default: .actionMilestoneUpdated
        }
    }
}
