extension Strings {
    /// The words of the worklists, in Spanish: the same keys as the English table.
    static let worklistsSpanish: KeyValuePairs<Key, String> = [:]
}
