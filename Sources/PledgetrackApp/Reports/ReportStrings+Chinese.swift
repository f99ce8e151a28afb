extension Strings {
    /// The words of reports: the meeting brief, the workbook and the CSV files, in Chinese: the same keys as the English table.
    static let reportsChinese: KeyValuePairs<Key, String> = [:]
}
