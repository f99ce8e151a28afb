extension Strings {
    /// The words of the measures pages, in French: the same keys as the English table.
    static let measuresFrench: KeyValuePairs<Key, String> = [:]
}
