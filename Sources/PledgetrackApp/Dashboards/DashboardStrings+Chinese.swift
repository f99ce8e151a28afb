extension Strings {
    /// The words of the progress dashboards, in Chinese: the same keys as the English table.
    static let dashboardsChinese: KeyValuePairs<Key, String> = [:]
}
