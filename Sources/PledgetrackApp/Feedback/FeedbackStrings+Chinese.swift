extension Strings {
    /// The words of survivor-participation panels and their feedback, in Chinese: the same keys as the English table.
    static let feedbackChinese: KeyValuePairs<Key, String> = [:]
}
