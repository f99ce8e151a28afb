extension Strings {
    /// The words the layout, forms and errors share, and those several features use, in Chinese: the same keys as the English table.
    static let generalChinese: KeyValuePairs<Key, String> = [:]
}
