extension Strings {
    /// The words of accounts, sign-in and the audit log, in Spanish: the same keys as the English table.
    static let accountsSpanish: KeyValuePairs<Key, String> = [:]
}
