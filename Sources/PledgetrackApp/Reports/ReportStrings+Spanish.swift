extension Strings {
    /// The words of reports: the meeting brief, the workbook and the CSV files, in Spanish: the same keys as the English table.
    static let reportsSpanish: KeyValuePairs<Key, String> = [:]
}
