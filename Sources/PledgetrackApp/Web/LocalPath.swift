/// Addresses a form or link may send the reader on to: only a path on this site, never
/// another site or a scheme-relative address (an open redirect).
enum LocalPath {
    static func checked(_ value: (some StringProtocol)?) -> String? {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"), value.utf8.count <= 2000 else { return nil }
        return String(value)
    }
}
