extension Strings {
    /// The words of pledges, milestones and entities, in Russian: the same keys as the English table.
    static let pledgesRussian: KeyValuePairs<Key, String> = [:]
}
