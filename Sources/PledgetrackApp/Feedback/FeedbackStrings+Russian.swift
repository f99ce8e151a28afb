extension Strings {
    /// The words of survivor-participation panels and their feedback, in Russian: the same keys as the English table.
    static let feedbackRussian: KeyValuePairs<Key, String> = [:]
}
