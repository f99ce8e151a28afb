import Foundation

/// The catalog's message syntax, a small part of ICU's MessageFormat: `{name}` is a value,
/// `{name, plural, one {# pledge} other {# pledges}}` chooses a form by the number `name`
/// (`=0 {…}` matches one number exactly), and `#` inside a form is that number, written for
/// the reader. ICU's own formatter takes C variadic arguments, which Swift cannot pass, so
/// the choosing is done here and the rules come from ICU (`Plurals`).
enum Message {
    static func fill(
        _ template: String, _ language: Language, value: (String) -> String?, number: (String) -> Int?
    ) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 16)
        render(Substring(template), language, value, number, pound: nil, into: &out)
        return out
    }

    /// The parts of a template: plain text, placeholders and plural choices.
    private static func render(
        _ text: Substring, _ language: Language, _ value: (String) -> String?, _ number: (String) -> Int?,
        pound: String?, into out: inout String
    ) {
        var rest = text
        while let open = rest.firstIndex(where: { $0 == "{" || ($0 == "#" && pound != nil) }) {
            out += rest[..<open]
            if rest[open] == "#", let pound {
                out += pound
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = matchingBrace(rest, from: open) else {
                out += rest[open...]
                return
            }
            let inner = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if let plural = Plural(inner) {
                guard let n = number(plural.name) else {
                    // A count given as words ("fewer than 5", where small numbers are hidden)
                    // takes the general form.
                    if let words = value(plural.name), let form = plural.forms["other"] {
                        render(form, language, value, number, pound: words, into: &out)
                    } else {
                        out += "{\(inner)}"
                    }
                    continue
                }
                let written = Formatting.number(n, language)
                let form = plural.forms["=\(n)"] ?? plural.forms[Plurals.category(n, language)] ?? plural.forms["other"] ?? ""
                render(form, language, value, number, pound: written, into: &out)
            } else {
                let name = String(inner)
                if let n = number(name) {
                    out += Formatting.number(n, language)
                } else {
                    out += value(name) ?? "{\(name)}"
                }
            }
        }
        out += rest
    }

    /// The `}` that closes the `{` at `open`, counting nested braces.
    private static func matchingBrace(_ text: Substring, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var index = open
        while index < text.endIndex {
            switch text[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `name, plural, one {…} other {…}`, read into its forms.
    struct Plural {
        let name: String
        let forms: [String: Substring]

        init?(_ inner: Substring) {
            let parts = inner.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1].trimmingCharacters(in: .whitespaces) == "plural" else { return nil }
            name = parts[0].trimmingCharacters(in: .whitespaces)
            var forms: [String: Substring] = [:]
            var rest = parts[2][...]
            while let open = rest.firstIndex(of: "{"), let close = Message.matchingBrace(rest, from: open) {
                let selector = rest[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
                forms[selector] = rest[rest.index(after: open)..<close]
                rest = rest[rest.index(after: close)...]
            }
            guard !forms.isEmpty else { return nil }
            self.forms = forms
        }
    }

    /// The names a template uses, plural choices included, and the forms each choice gives:
    /// what `TranslationTests` compares across languages.
    static func placeholders(_ template: String) -> (names: Set<String>, plurals: [(name: String, forms: Set<String>)]) {
        var names: Set<String> = []
        var plurals: [(name: String, forms: Set<String>)] = []
        func walk(_ text: Substring) {
            var rest = text
            while let open = rest.firstIndex(of: "{"), let close = matchingBrace(rest, from: open) {
                let inner = rest[rest.index(after: open)..<close]
                if let plural = Plural(inner) {
                    names.insert(plural.name)
                    plurals.append((plural.name, Set(plural.forms.keys)))
                    for form in plural.forms.values { walk(form) }
                } else {
                    names.insert(String(inner).trimmingCharacters(in: .whitespaces))
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        walk(Substring(template))
        return (names, plurals)
    }
}
