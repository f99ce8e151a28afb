/// What a report is downloaded as: the meeting brief (a printable page or its PDF), one Excel
/// workbook with every table, or one CSV file per table.
enum ReportFormat: String, CaseIterable, Sendable {
    case brief, pdf, xlsx
    case pledgesCSV = "pledges.csv", milestonesCSV = "milestones.csv", historyCSV = "history.csv"
    case feedbackCSV = "feedback.csv", changesCSV = "changes.csv"

    var label: Strings.Key {
        switch self {
        case .brief: .reportFormatBrief
        case .pdf: .reportFormatPDF
        case .xlsx: .reportFormatXLSX
        case .pledgesCSV: .reportFormatPledgesCSV
        case .milestonesCSV: .reportFormatMilestonesCSV
        case .historyCSV: .reportFormatHistoryCSV
        case .feedbackCSV: .reportFormatFeedbackCSV
        case .changesCSV: .reportFormatChangesCSV
        }
    }

    /// The table a CSV file holds.
    var table: ReportTable? {
        switch self {
        case .pledgesCSV: .pledges
        case .milestonesCSV: .milestones
        case .historyCSV: .history
        case .feedbackCSV: .feedback
        case .changesCSV: .changes
        case .brief, .pdf, .xlsx: nil
        }
    }

    var fileExtension: String {
        switch self {
        case .brief: "html"
        case .pdf: "pdf"
        case .xlsx: "xlsx"
        default: "csv"
        }
    }

    var contentType: String {
        switch self {
        case .brief: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "text/csv; charset=utf-8; header=present"
        }
    }
}
