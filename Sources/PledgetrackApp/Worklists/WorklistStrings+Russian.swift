extension Strings {
    /// The words of the worklists, in Russian: the same keys as the English table.
    static let worklistsRussian: KeyValuePairs<Key, String> = [:]
}
