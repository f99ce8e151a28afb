extension Strings {
    /// The words of pledges, milestones and entities, in Chinese: the same keys as the English table.
    static let pledgesChinese: KeyValuePairs<Key, String> = [:]
}
