extension Strings {
    /// The words of pledges, milestones and entities, in Arabic: the same keys as the English table.
    static let pledgesArabic: KeyValuePairs<Key, String> = [:]
}
