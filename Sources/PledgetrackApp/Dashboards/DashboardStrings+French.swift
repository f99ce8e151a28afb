extension Strings {
    /// The words of the progress dashboards, in French: the same keys as the English table.
    static let dashboardsFrench: KeyValuePairs<Key, String> = [:]
}
