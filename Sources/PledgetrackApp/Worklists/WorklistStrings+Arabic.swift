extension Strings {
    /// The words of the worklists, in Arabic: the same keys as the English table.
    static let worklistsArabic: KeyValuePairs<Key, String> = [:]
}
