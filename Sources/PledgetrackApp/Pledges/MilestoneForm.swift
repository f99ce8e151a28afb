import Database
import Foundation

/// A milestone as the form sends it: read from allow-listed fields, checked, and compared with
/// what is stored to make the history.
struct MilestoneForm: Sendable {
    static let evidenceRows = 5

    var stage: String = Stage.commitment.rawValue
    var title = ""
    var dueDate = ""
    var status: String = MilestoneStatus.notStarted.rawValue
    var percent = "0"
    var completedOn = ""
    var notes = ""
    var evidence: [(title: String, url: String)] = []
    var why = ""
    /// The version the person started from (optimistic concurrency).
    var version = 0

    init() {}

    init(_ form: FormData) {
        stage = form.trimmed("stage")
        title = form.trimmed("title")
        dueDate = form.trimmed("due_date")
        status = form.trimmed("status")
        percent = form.trimmed("percent_complete")
        completedOn = form.trimmed("completed_on")
        notes = form.string("notes")
        evidence = (1...Self.evidenceRows).map { (form.trimmed("evidence_title_\($0)"), form.trimmed("evidence_url_\($0)")) }
            .filter { !$0.0.isEmpty || !$0.1.isEmpty }
        why = form.trimmed("why")
        version = Int(form.string("version")) ?? 0
    }

    init(_ m: PledgeQueries.Milestone) {
        stage = m.stage.rawValue
        title = m.title
        dueDate = m.dueDate?.iso ?? ""
        status = m.status.rawValue
        percent = String(m.percent)
        completedOn = m.completedOn?.iso ?? ""
        notes = m.notes
        evidence = m.evidence.map { ($0.title, $0.url) }
        version = m.version
    }

    /// The checked values, ready to store.
    struct Valid: Sendable {
        let stage: Stage
        let title: String
        let dueDate: CalendarDate?
        let status: MilestoneStatus
        let percent: Int
        let completedOn: CalendarDate?
        let notes: String
        let evidence: [PledgeQueries.Evidence]
    }

    func validate(today: CalendarDate) -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        let stage = Stage(rawValue: self.stage)
        if stage == nil { errors.add("stage", .stageInvalid) }
        if title.isEmpty || title.length > 300 { errors.add("title", .milestoneTitleInvalid) }
        let due = dueDate.isEmpty ? nil : CalendarDate(iso: dueDate)
        if !dueDate.isEmpty, due == nil { errors.add("due_date", .dateInvalid) }
        let status = MilestoneStatus(rawValue: self.status)
        if status == nil { errors.add("status", .milestoneStatusInvalid) }
        let percent = Int(self.percent)
        if percent == nil || !(0...100).contains(percent!) { errors.add("percent_complete", .percentInvalid) }
        let completed = completedOn.isEmpty ? nil : CalendarDate(iso: completedOn)
        if !completedOn.isEmpty, completed == nil { errors.add("completed_on", .dateInvalid) }
        if status == .done {
            if completedOn.isEmpty {
                errors.add("completed_on", .completedDateNeeded)
            } else if let completed, completed > today {
                errors.add("completed_on", .completedDateFuture)
            }
        } else if !completedOn.isEmpty, status != nil {
            errors.add("completed_on", .completedDateOnlyWhenDone)
        }
        if notes.length > 10_000 { errors.add("notes", .notesTooLong) }
        var links: [PledgeQueries.Evidence] = []
        for (index, row) in evidence.enumerated() {
            let field = "evidence_url_\(index + 1)"
            if row.title.isEmpty || row.title.length > 200 { errors.add("evidence_title_\(index + 1)", .evidenceTitleNeeded) }
            if !Self.isWebLink(row.url) { errors.add(field, .evidenceURLInvalid) }
            links.append(.init(title: row.title, url: row.url))
        }
        guard errors.isEmpty, let stage, let status, let percent else { return .failure(errors) }
        // Done means all the way.
        return .success(
            Valid(
                stage: stage, title: title, dueDate: due, status: status, percent: status == .done ? 100 : percent,
                completedOn: completed, notes: notes, evidence: links))
    }

    /// Only http(s) links to a host, so no `javascript:` or `data:` link ever reaches a page.
    static func isWebLink(_ text: String) -> Bool {
        guard text.length <= 2000, !text.contains(where: \.isWhitespace), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}

extension MilestoneForm.Valid {
    /// What changed from the stored milestone, field by field: names and vocabulary kept by
    /// key (`Strings.stored`), so the history reads in each reader's language.
    func changes(from old: PledgeQueries.Milestone?) -> [PledgeQueries.FieldChange] {
        func show(_ d: CalendarDate?) -> String { d?.iso ?? "" }
        var result: [PledgeQueries.FieldChange] = []
        func add(_ field: Strings.Key, _ before: String, _ after: String) {
            if before != after { result.append(.init(field: Strings.stored(field), old: before, new: after)) }
        }
        add(.fieldStage, old.map { Strings.stored($0.stage.label) } ?? "", Strings.stored(stage.label))
        add(.fieldTitle, old?.title ?? "", title)
        add(.fieldDueDate, show(old?.dueDate), show(dueDate))
        add(.fieldStatus, old.map { Strings.stored($0.status.label) } ?? "", Strings.stored(status.label))
        add(.fieldPercent, old.map { "\($0.percent) %" } ?? "", "\(percent) %")
        add(.fieldCompletedOn, show(old?.completedOn), show(completedOn))
        add(.fieldNotes, old?.notes ?? "", notes)
        add(
            .fieldEvidence, old.map { $0.evidence.map { "\($0.title) <\($0.url)>" }.joined(separator: "; ") } ?? "",
            evidence.map { "\($0.title) <\($0.url)>" }.joined(separator: "; "))
        return result
    }
}
