extension Strings {
    /// The words of the measures pages, in Arabic: the same keys as the English table.
    static let measuresArabic: KeyValuePairs<Key, String> = [:]
}
