extension Strings {
    /// The words of accounts, sign-in and the audit log, in Arabic: the same keys as the English table.
    static let accountsArabic: KeyValuePairs<Key, String> = [:]
}
