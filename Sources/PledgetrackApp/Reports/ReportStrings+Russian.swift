extension Strings {
    /// The words of reports: the meeting brief, the workbook and the CSV files, in Russian: the same keys as the English table.
    static let reportsRussian: KeyValuePairs<Key, String> = [:]
}
