extension Strings {
    /// The words of the progress dashboards, in Spanish: the same keys as the English table.
    static let dashboardsSpanish: KeyValuePairs<Key, String> = [:]
}
