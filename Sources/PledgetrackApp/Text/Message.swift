import Foundation
import Synchronization

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
        render(parts(of: template), language, value, number, pound: nil, into: &out)
        return out
    }

    /// A template read once: plain text, `#`, placeholders and plural choices.
    indirect enum Part: Sendable {
        case text(String)
        case pound
        case value(String)
        /// `raw` is the text between the braces, written back when no number or words are given.
        case plural(name: String, forms: [String: [Part]], raw: String)
    }

    /// Templates come from the catalogs (a few thousand in all), so each is read once per
    /// process: a dashboard of 4,820 cells fills the same few texts thousands of times.
    private static let parsed = Mutex<[String: [Part]]>([:])

    static func parts(of template: String) -> [Part] {
        if let known = parsed.withLock({ $0[template] }) { return known }
        let parts = parse(Substring(template), inForm: false)
        parsed.withLock { $0[template] = parts }
        return parts
    }

    private static func parse(_ text: Substring, inForm: Bool) -> [Part] {
        var parts: [Part] = []
        var rest = text
        while let open = rest.firstIndex(where: { $0 == "{" || ($0 == "#" && inForm) }) {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            if rest[open] == "#" {
                parts.append(.pound)
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = matchingBrace(rest, from: open) else {
                parts.append(.text(String(rest[open...])))
                return parts
            }
            let inner = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if let plural = Plural(inner) {
                parts.append(
                    .plural(name: plural.name, forms: plural.forms.mapValues { parse($0, inForm: true) }, raw: String(inner)))
            } else {
                parts.append(.value(String(inner)))
            }
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    private static func render(
        _ parts: [Part], _ language: Language, _ value: (String) -> String?, _ number: (String) -> Int?,
        pound: String?, into out: inout String
    ) {
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .pound: out += pound ?? "#"
            case .value(let name):
                if let n = number(name) {
                    out += Formatting.number(n, language)
                } else {
                    out += value(name) ?? "{\(name)}"
                }
            case .plural(let name, let forms, let raw):
                guard let n = number(name) else {
                    // A count given as words ("fewer than 5", where small numbers are hidden)
                    // takes the general form.
                    if let words = value(name), let form = forms["other"] {
                        render(form, language, value, number, pound: words, into: &out)
                    } else {
                        out += "{\(raw)}"
                    }
                    continue
                }
                let written = Formatting.number(n, language)
                let form = forms["=\(n)"] ?? forms[Plurals.category(n, language)] ?? forms["other"] ?? []
                render(form, language, value, number, pound: written, into: &out)
            }
        }
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
