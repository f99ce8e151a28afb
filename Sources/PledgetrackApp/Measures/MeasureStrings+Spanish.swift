extension Strings {
    /// The words of the measures pages, in Spanish: the same keys as the English table.
    static let measuresSpanish: KeyValuePairs<Key, String> = [:]
}
