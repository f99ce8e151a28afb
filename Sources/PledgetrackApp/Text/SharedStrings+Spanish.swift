extension Strings {
    /// The words the layout, forms and errors share, and those several features use, in Spanish: the same keys as the English table.
    static let generalSpanish: KeyValuePairs<Key, String> = [:]
}
