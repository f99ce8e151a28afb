extension Strings {
    /// The words the layout, forms and errors share, and those several features use, in French: the same keys as the English table.
    static let generalFrench: KeyValuePairs<Key, String> = [:]
}
