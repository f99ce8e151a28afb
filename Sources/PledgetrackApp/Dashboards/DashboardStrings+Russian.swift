extension Strings {
    /// The words of the progress dashboards, in Russian: the same keys as the English table.
    static let dashboardsRussian: KeyValuePairs<Key, String> = [:]
}
