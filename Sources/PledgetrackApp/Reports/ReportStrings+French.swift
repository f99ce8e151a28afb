extension Strings {
    /// The words of reports: the meeting brief, the workbook and the CSV files, in French: the same keys as the English table.
    static let reportsFrench: KeyValuePairs<Key, String> = [:]
}
