extension Strings {
    /// The words of the worklists, in Chinese: the same keys as the English table.
    static let worklistsChinese: KeyValuePairs<Key, String> = [:]
}
