extension Strings {
    /// The words of the worklists, in French: the same keys as the English table.
    static let worklistsFrench: KeyValuePairs<Key, String> = [:]
}
