import CPluralRules

/// CLDR's plural rules, through ICU: which form of a word goes with a number in a language
/// ("one", "few", "many", … ; Arabic has six, Russian four, Chinese one). Texts choose their
/// form with ICU's message syntax, `{count, plural, one {# pledge} other {# pledges}}`
/// (`Message`).
enum Plurals {
    /// ICU's rules, opened once per language and never closed. ICU's const calls are safe
    /// from any thread.
    private struct Rules: @unchecked Sendable {
        let pointer: UnsafeRawPointer?
    }

    private static let rules: [Language: Rules] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0, Rules(pointer: pt_plural_rules_open($0.rawValue))) })

    /// Categories already chosen for small numbers, the ones pages show most.
    private static let small: [Language: [String]] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in (language, (0..<200).map { select($0, language) }) })

    /// The CLDR category of `number` in `language`: "zero", "one", "two", "few", "many" or "other".
    static func category(_ number: Int, _ language: Language) -> String {
        if number >= 0, number < 200, let known = small[language]?[number] { return known }
        return select(number, language)
    }

    private static func select(_ number: Int, _ language: Language) -> String {
        guard let pointer = rules[language]?.pointer else { return "other" }
        var buffer = [CChar](repeating: 0, count: 32)
        let length = pt_plural_rules_select(pointer, Double(number), &buffer, Int32(buffer.count))
        guard length > 0 else { return "other" }
        return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Every category `language` has: the forms a translation's plural text must give.
    static func categories(_ language: Language) -> Set<String> {
        guard let pointer = rules[language]?.pointer else { return ["other"] }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = pt_plural_rules_keywords(pointer, &buffer, Int32(buffer.count))
        guard length > 0 else { return ["other"] }
        let text = String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Set(text.split(separator: " ").map(String.init))
    }
}
