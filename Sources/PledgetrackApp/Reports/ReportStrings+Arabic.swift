extension Strings {
    /// The words of reports: the meeting brief, the workbook and the CSV files, in Arabic: the same keys as the English table.
    static let reportsArabic: KeyValuePairs<Key, String> = [:]
}
