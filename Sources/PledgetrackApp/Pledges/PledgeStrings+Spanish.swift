extension Strings {
    /// The words of pledges, milestones and entities, in Spanish: the same keys as the English table.
    static let pledgesSpanish: KeyValuePairs<Key, String> = [:]
}
