extension Strings {
    /// The words of the measures pages, in Chinese: the same keys as the English table.
    static let measuresChinese: KeyValuePairs<Key, String> = [:]
}
