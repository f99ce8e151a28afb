import Database
import Foundation

/// One value of a report's table, typed so that a workbook shows dates as dates and numbers
/// as numbers; CSV writes each as text.
enum Cell: Sendable, Equatable {
    case text(String)
    case number(Int)
    case date(CalendarDate)
    case time(Date)
    case empty
}

/// The tables a report holds: the same columns and rows in a CSV file and in a workbook's
/// sheet. Each is one SQL query over the pledges of the report's scope, as of its moment,
/// in an order a reader expects; survivor feedback only through `feedback_visible_to`.
enum ReportTable: String, CaseIterable, Sendable {
    case pledges, milestones, history, feedback, changes

    struct Column: Sendable {
        let heading: Strings.Key
        /// Characters, for a workbook's column width.
        let width: Int
    }

    var title: Strings.Key {
        switch self {
        case .pledges: .reportTablePledges
        case .milestones: .reportTableMilestones
        case .history: .reportTableHistory
        case .feedback: .reportTableFeedback
        case .changes: .reportTableChanges
        }
    }

    var columns: [Column] {
        switch self {
        case .pledges:
            [
                .init(heading: .colPledgeNumber, width: 10), .init(heading: .fieldGRFID, width: 16), .init(heading: .fieldTitle, width: 50),
                .init(heading: .fieldOwner, width: 32), .init(heading: .fieldEntityKind, width: 22), .init(heading: .fieldKind, width: 12),
                .init(heading: .fieldCountries, width: 30), .init(heading: .colMeasures, width: 12),
                .init(heading: .colSDGTargets, width: 14),
                .init(heading: .colGCMActions, width: 12), .init(heading: .fieldStartDate, width: 12),
                .init(heading: .fieldTargetDate, width: 12),
                .init(heading: .fieldStatus, width: 14), .init(heading: .colCurrentStage, width: 16),
                .init(heading: .colCommitmentDone, width: 12), .init(heading: .colCommitmentTotal, width: 12),
                .init(heading: .colImplementationDone, width: 12), .init(heading: .colImplementationTotal, width: 12),
                .init(heading: .colEvaluationDone, width: 12), .init(heading: .colEvaluationTotal, width: 12),
                .init(heading: .colOverdueMilestones, width: 12), .init(heading: .fieldVisibility, width: 14),
                .init(heading: .colCreated, width: 12), .init(heading: .colMilestonesDoneShare, width: 12),
            ]
        case .milestones:
            [
                .init(heading: .colPledgeNumber, width: 10), .init(heading: .colPledgeTitle, width: 40),
                .init(heading: .colMilestoneNumber, width: 10),
                .init(heading: .fieldStage, width: 16), .init(heading: .fieldTitle, width: 40), .init(heading: .fieldDueDate, width: 12),
                .init(heading: .fieldStatus, width: 14), .init(heading: .fieldPercent, width: 10),
                .init(heading: .fieldCompletedOn, width: 12),
                .init(heading: .fieldValidation, width: 16), .init(heading: .colOverdue, width: 10),
            ]
        case .history:
            [
                .init(heading: .colWhen, width: 18), .init(heading: .colPledgeNumber, width: 10),
                .init(heading: .colPledgeTitle, width: 40),
                .init(heading: .colMilestone, width: 32), .init(heading: .colWhat, width: 26), .init(heading: .colWho, width: 20),
                .init(heading: .colWhy, width: 40), .init(heading: .colChanges, width: 60),
            ]
        case .feedback:
            [
                .init(heading: .colFeedbackNumber, width: 10), .init(heading: .colPosted, width: 12),
                .init(heading: .fieldPanel, width: 30),
                .init(heading: .colPledgeNumber, width: 10), .init(heading: .colPledgeTitle, width: 40),
                .init(heading: .fieldScope, width: 20),
                .init(heading: .fieldModeration, width: 14), .init(heading: .fieldReview, width: 14),
                .init(heading: .colAnswers, width: 10),
                .init(heading: .fieldContentNote, width: 24), .init(heading: .colText, width: 80),
            ]
        case .changes:
            [
                .init(heading: .colWhen, width: 18), .init(heading: .colWhat, width: 26), .init(heading: .colPledgeNumber, width: 10),
                .init(heading: .colPledgeTitle, width: 40), .init(heading: .colDetail, width: 50),
            ]
        }
    }

    /// The query of this table for a report's scope.
    func sql(_ scope: ReportScope) -> SQL {
        switch self {
        case .pledges: ReportQueries.pledges(scope)
        case .milestones: ReportQueries.milestones(scope)
        case .history: ReportQueries.history(scope)
        case .feedback: ReportQueries.feedback(scope)
        case .changes: ReportQueries.changes(scope)
        }
    }

    /// A row of this table's query as cells, in the reader's words.
    func cells(_ row: borrowing Row, _ t: Strings) throws -> [Cell] {
        switch self {
        case .pledges:
            var cells: [Cell] = [
                .number(try row.decode(0)), text(try row.decode(1)), .text(try row.decode(2)), .text(try row.decode(3)),
                label(EntityKind.self, try row.decode(4), t), label(PledgeKind.self, try row.decode(5), t),
                text(try row.decode(6)), text(try row.decode(7)), text(try row.decode(8)), text(try row.decode(9)),
                date(try row.decode(10)), date(try row.decode(11)), label(PledgeStatus.self, try row.decode(12), t),
                label(Stage.self, try row.decode(13), t),
            ]
            for index in 14...20 { cells.append(.number(try row.decode(index))) }
            cells.append(label(Visibility.self, try row.decode(21), t))
            cells.append(.date(try row.decode(22)))
            // The pledge's milestones done, in whole percent as `Share` rounds it; empty without milestones.
            let done = try [14, 16, 18].reduce(0) { $0 + (try row.decode($1, as: Int.self)) }
            let total = try [15, 17, 19].reduce(0) { $0 + (try row.decode($1, as: Int.self)) }
            cells.append(Share.percent(done, of: total).map(Cell.number) ?? .empty)
            return cells
        case .milestones:
            let overdue: Bool = try row.decode(10)
            return [
                .number(try row.decode(0)), .text(try row.decode(1)), .number(try row.decode(2)), label(Stage.self, try row.decode(3), t),
                .text(try row.decode(4)), date(try row.decode(5)), label(MilestoneStatus.self, try row.decode(6), t),
                .number(try row.decode(7)), date(try row.decode(8)), label(ValidationState.self, try row.decode(9), t),
                .text(overdue ? t[.yes] : t[.no]),
            ]
        case .history:
            return [
                .time(try row.decode(0)), .number(try row.decode(1)), .text(try row.decode(2)), text(try row.decode(3)),
                .text(t[PledgeViews.actionKey(try row.decode(4))]), text(try row.decode(5)), text(try row.decode(6)),
                text(Self.changes(try row.decode(7), t)),
            ]
        case .feedback:
            let withdrawn: Bool = try row.decode(7)
            let textShown: Bool = try row.decode(11)
            let body: String? = try row.decode(10)
            let textCell: Cell =
                withdrawn
                ? .text(t[.feedbackWithdrawnText])
                : textShown
                    ? text(body)
                    : .text(t.format(.reportFeedbackTextWithheld, numbers: ["number": try row.decode(0, as: Int.self)]))
            return [
                .number(try row.decode(0)), .date(try row.decode(1)), .text(try row.decode(2)), number(try row.decode(3)),
                text(try row.decode(4)), label(FeedbackScope.self, try row.decode(5), t), label(Moderation.self, try row.decode(6), t),
                withdrawn ? .text(t[.feedbackWithdrawnBadge]) : label(Review.self, try row.decode(8), t), .number(try row.decode(9)),
                textShown ? text(try row.decode(12)) : .empty, textCell,
            ]
        case .changes:
            let kind: String = try row.decode(1)
            let detail: String? = try row.decode(4)
            let detailText: String =
                switch kind {
                case "status":
                    (detail ?? "").split(separator: ">").map { code in
                        PledgeStatus(rawValue: String(code)).map { t[$0.label] } ?? String(code)
                    }
                    .joined(separator: " \(Bidi.arrow(t.language)) ")
                case "answer": t.format(.feedbackNumber, "number", detail ?? "")
                default: detail ?? ""
                }
            return [
                .time(try row.decode(0)), .text(t[Self.changeKey(kind)]), number(try row.decode(2)), text(try row.decode(3)),
                .text(detailText),
            ]
        }
    }

    static func changeKey(_ kind: String) -> Strings.Key {
        switch kind {
        case "completed": .changeCompleted
        case "status": .changeStatus
        case "new": .changeNewPledge
        default: .changeAnswer
        }
    }

    private func text(_ value: String?) -> Cell { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
    private func number(_ value: Int?) -> Cell { value.map(Cell.number) ?? .empty }
    private func date(_ value: CalendarDate?) -> Cell { value.map(Cell.date) ?? .empty }
    private func label<V: Vocabulary>(_ type: V.Type, _ code: String?, _ t: Strings) -> Cell {
        code.flatMap(V.init(rawValue:)).map { .text(t[$0.label]) } ?? .empty
    }

    /// A history entry's changes in the reader's words: "Status: Not started → On track; …".
    static func changes(_ json: String?, _ t: Strings) -> String? {
        guard let json, let list = try? JSONDecoder().decode([PledgeQueries.FieldChange].self, from: Data(json.utf8)), !list.isEmpty
        else { return nil }
        return list.map { change in
            "\(t.shown(change.field)): " + (change.old.isEmpty ? "" : t.shown(change.old) + " → ") + t.shown(change.new)
        }.joined(separator: "; ")
    }
}
