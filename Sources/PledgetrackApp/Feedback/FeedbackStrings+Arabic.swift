extension Strings {
    /// The words of survivor-participation panels and their feedback, in Arabic: the same keys as the English table.
    static let feedbackArabic: KeyValuePairs<Key, String> = [:]
}
