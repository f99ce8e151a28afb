extension Strings {
    /// The words the layout, forms and errors share, and those several features use, in Russian: the same keys as the English table.
    static let generalRussian: KeyValuePairs<Key, String> = [:]
}
