extension Strings {
    /// The words of the progress dashboards, in Arabic: the same keys as the English table.
    static let dashboardsArabic: KeyValuePairs<Key, String> = [:]
}
