extension Strings {
    /// The words of survivor-participation panels and their feedback, in French: the same keys as the English table.
    static let feedbackFrench: KeyValuePairs<Key, String> = [:]
}
