/// A piece of HTML whose interpolated text is escaped by construction.
///
/// ```swift
/// let page: HTML = "<a href=\"/measures/\(number)\" title=\"\(title)\">\(title)</a>"
/// ```
///
/// Every interpolated `String` (and number) is escaped — `& < > " '` — so it is safe both as
/// element text and inside a quoted attribute value. A nested `HTML` value is inserted as it
/// is, because it was itself built this way. Unescaped text can only come from a `StaticString`,
/// which the compiler guarantees was written in the source code: never from data.
///
/// Write every attribute value in double quotes; the escaping makes a quoted value safe.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The rendered markup.
    public private(set) var rendered: String

    public init(stringLiteral value: StaticString) {
        rendered = value.description
    }

    public init(stringInterpolation: StringInterpolation) {
        rendered = stringInterpolation.rendered
    }

    /// Trusted markup written in the source code.
    public init(unsafeRaw markup: StaticString) {
        rendered = markup.description
    }

    /// Escaped text, as an `HTML` value.
    public init(text: some StringProtocol) {
        rendered = ""
        HTML.escape(String(text), into: &rendered)
    }

    public static let empty: HTML = ""

    public var description: String { rendered }

    public static func + (lhs: HTML, rhs: HTML) -> HTML {
        var html = lhs
        html.rendered += rhs.rendered
        return html
    }

    public static func += (lhs: inout HTML, rhs: HTML) {
        lhs.rendered += rhs.rendered
    }

    /// Joins fragments, e.g. rows of a table.
    public static func join(_ parts: some Collection<HTML>, separator: HTML = .empty) -> HTML {
        var html = HTML.empty
        html.rendered.reserveCapacity(parts.reduce(0) { $0 + $1.rendered.utf8.count + separator.rendered.utf8.count })
        var first = true
        for part in parts {
            if !first { html.rendered += separator.rendered }
            html.rendered += part.rendered
            first = false
        }
        return html
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var rendered = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            rendered += literal.description
        }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) {
            HTML.escape(text, into: &rendered)
        }

        public mutating func appendInterpolation(_ text: Substring) {
            HTML.escape(String(text), into: &rendered)
        }

        /// Optional text: escaped; nothing for nil.
        public mutating func appendInterpolation(_ text: String?) {
            if let text { HTML.escape(text, into: &rendered) }
        }

        public mutating func appendInterpolation(_ number: Int) {
            rendered += String(number)
        }

        /// Nested markup: inserted as it is.
        public mutating func appendInterpolation(_ html: HTML) {
            rendered += html.rendered
        }

        public mutating func appendInterpolation(_ html: HTML?) {
            if let html { rendered += html.rendered }
        }

        /// A list of fragments, one after the other.
        public mutating func appendInterpolation(_ parts: [HTML]) {
            rendered.reserveCapacity(rendered.utf8.count + parts.reduce(0) { $0 + $1.rendered.utf8.count })
            for part in parts { rendered += part.rendered }
        }

        /// Markup only when a condition holds: `\(if: isCurrent, " aria-current=\"page\"")`.
        public mutating func appendInterpolation(if condition: Bool, _ html: HTML) {
            if condition { rendered += html.rendered }
        }
    }

    /// Appends `text` with `& < > " '` replaced by character references. Concrete on `String`
    /// on purpose: a generic version runs unspecialised when called from another module, and
    /// escaping is most of what rendering a page costs.
    static func escape(_ text: String, into out: inout String) {
        var text = text
        text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: isSpecial) else {
                out += String(decoding: bytes, as: UTF8.self)
                return
            }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: escaped.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: escaped.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: escaped.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22: escaped.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27: escaped.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                default: escaped.append(byte)
                }
            }
            out += String(decoding: escaped, as: UTF8.self)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
