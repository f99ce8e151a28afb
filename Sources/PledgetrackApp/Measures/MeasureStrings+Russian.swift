extension Strings {
    /// The words of the measures pages, in Russian: the same keys as the English table.
    static let measuresRussian: KeyValuePairs<Key, String> = [:]
}
