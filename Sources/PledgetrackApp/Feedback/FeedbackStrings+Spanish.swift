extension Strings {
    /// The words of survivor-participation panels and their feedback, in Spanish: the same keys as the English table.
    static let feedbackSpanish: KeyValuePairs<Key, String> = [:]
}
