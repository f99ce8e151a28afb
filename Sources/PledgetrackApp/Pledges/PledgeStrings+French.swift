extension Strings {
    /// The words of pledges, milestones and entities, in French: the same keys as the English table.
    static let pledgesFrench: KeyValuePairs<Key, String> = [:]
}
