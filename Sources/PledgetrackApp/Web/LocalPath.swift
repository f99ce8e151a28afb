import Foundation

/// Addresses a form or link may send the reader on to: only a path on this site, never
/// another site or a scheme-relative address (an open redirect).
///
/// Checked as a browser will read it (the WHATWG URL rules): browsers drop tabs and line
/// breaks anywhere in an address and read `\` as `/`, so `/%09/evil.example` (a tab) and
/// `/\evil.example` both become `//evil.example`, another site. Any control character, space
/// or backslash is refused outright; what is left must resolve, against this site's origin,
/// to the same origin.
enum LocalPath {
    /// Any origin serves as the base: the question is only whether resolving changes it.
    private static let base = URL(string: "https://pledgetrack.invalid/")!

    static func checked(_ value: (some StringProtocol)?) -> String? {
        guard let value, value.utf8.count <= 2000, value.hasPrefix("/"), !value.hasPrefix("//") else { return nil }
        guard
            !value.unicodeScalars.contains(where: {
                $0.value < 0x21 || $0.value == 0x7f || $0 == "\\" || $0.properties.isWhitespace
                    || ($0.value >= 0x80 && $0.value < 0xa0)
            })
        else { return nil }
        guard let resolved = URL(string: String(value), relativeTo: base)?.absoluteURL,
            resolved.scheme == base.scheme, resolved.host == base.host, resolved.port == nil, resolved.user == nil
        else { return nil }
        return String(value)
    }
}
