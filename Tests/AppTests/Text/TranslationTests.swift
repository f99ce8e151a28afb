import Database
import Foundation
import Testing

@testable import PledgetrackApp

/// The six languages' tables against English: nothing missing, the same placeholders, and the
/// plural forms CLDR says each language has. A translation that fails here would show a reader
/// English, a raw `{name}` or the wrong form of a word.
@Suite("Translations")
struct TranslationTests {
    @Test("every language gives words to every key, in the English tables' order", arguments: Language.allCases)
    func complete(_ language: Language) throws {
        let tables = try #require(Strings.tables[language])
        #expect(tables.map(\.name) == Strings.englishTables.map(\.name), "the same tables")
        #expect(Strings.duplicateKeys(tables).isEmpty)
        for (table, english) in zip(tables, Strings.englishTables) {
            let missing = english.entries.map(\.key).filter { key in !table.entries.contains { $0.key == key } }
            #expect(missing.isEmpty, "\(language) \(table.name) lacks \(missing.map(\.rawValue))")
            let order = table.entries.map(\.key)
            #expect(order == english.entries.map(\.key).filter(order.contains), "\(language) \(table.name): keys in the English order")
            let foreign = order.filter { key in !english.entries.contains { $0.key == key } }
            #expect(foreign.isEmpty, "\(language) \(table.name) has keys of another table: \(foreign.map(\.rawValue))")
            for (key, text) in table.entries {
                #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(language) \(key) is empty")
            }
        }
        #expect(Strings.catalogs[language]?.count == Strings.Key.allCases.count)
    }

    @Test("each text has the English placeholders, and plural forms for every CLDR category", arguments: Language.allCases)
    func placeholdersAndPlurals(_ language: Language) {
        let categories = Plurals.categories(language)
        for key in Strings.Key.allCases {
            guard let text = Strings.catalogs[language]?[key], let english = Strings.english[key] else { continue }
            let found = Message.placeholders(text)
            #expect(found.names == Message.placeholders(english).names, "\(language) \(key): \(found.names.sorted())")
            for plural in found.plurals {
                #expect(Strings.numericPlaceholders.contains(plural.name), "\(language) \(key): {\(plural.name)} is not a number")
                let general = plural.forms.filter { !$0.hasPrefix("=") }
                #expect(
                    general == categories, "\(language) \(key) {\(plural.name)}: \(general.sorted()) but CLDR has \(categories.sorted())")
            }
        }
    }

    @Test("every text fills in: no placeholder is left over for any number")
    func everyTextFills() {
        for language in Language.allCases {
            let t = Strings(language)
            for key in Strings.Key.allCases {
                let names = Message.placeholders(Strings.english[key] ?? "").names
                for n in [0, 1, 2, 3, 5, 11, 21, 101, 1_000_000] {
                    let numbers = Dictionary(uniqueKeysWithValues: names.filter(Strings.numericPlaceholders.contains).map { ($0, n) })
                    let values = Dictionary(uniqueKeysWithValues: names.subtracting(numbers.keys).map { ($0, "X") })
                    let text = t.format(key, values, numbers: numbers)
                    #expect(!text.contains("{") && !text.contains("}"), "\(language) \(key) with \(n): \(text)")
                }
            }
        }
    }

    @Test("CLDR's plural rules, through ICU")
    func pluralRules() {
        #expect(Plurals.categories(.arabic) == ["zero", "one", "two", "few", "many", "other"])
        #expect(Plurals.categories(.russian) == ["one", "few", "many", "other"])
        #expect(Plurals.categories(.chinese) == ["other"])
        #expect([0, 1, 2, 3, 11, 100].map { Plurals.category($0, .arabic) } == ["zero", "one", "two", "few", "many", "other"])
        #expect([1, 2, 5, 21, 22, 25, 111].map { Plurals.category($0, .russian) } == ["one", "few", "many", "one", "few", "many", "many"])
        #expect([0, 1, 2].map { Plurals.category($0, .french) } == ["one", "one", "other"])
        #expect(Plurals.category(1_000_000, .spanish) == "many")
        #expect([0, 1, 2].map { Plurals.category($0, .english) } == ["other", "one", "other"])
    }

    @Test("a plural text chooses its form and writes the number the reader's way")
    func pluralMessages() {
        let english = Strings(.english)
        #expect(english.format(.pledgesFound, count: 1) == "1 pledge")
        #expect(english.format(.pledgesFound, count: 12_345) == "12,345 pledges")
        #expect(
            Message.fill("{n, plural, =0 {none} one {# item} other {# items}}", .english, value: { _ in nil }, number: { _ in 0 }) == "none"
        )
        let arabic = "{n, plural, zero {لا شيء} one {واحد} two {اثنان} few {# قليلة} many {# كثيرة} other {# أخرى}}"
        #expect(Message.fill(arabic, .arabic, value: { _ in nil }, number: { _ in 3 }) == "3 قليلة")
        #expect(Message.fill(arabic, .arabic, value: { _ in nil }, number: { _ in 2 }) == "اثنان")
        #expect(
            Message.fill("{count, plural, one {# x} other {# y}}", .english, value: { _ in "fewer than 5" }, number: { _ in nil })
                == "fewer than 5 y", "a count given in words takes the general form")
        #expect(Strings(.russian).format(.pledgesFound, count: 21).hasPrefix("21"))
    }

    @Test("numbers and dates follow CLDR for each language")
    func numbersAndDates() {
        #expect(Formatting.number(12_345, .english) == "12,345")
        // CLDR's generic Arabic writes 0–9, as UN documents in Arabic do; Egypt's Arabic, say, would not.
        #expect(Formatting.number(12_345, .arabic) == "12,345")
        #expect(Formatting.number(12_345, .french) == "12\u{202F}345")
        #expect(Formatting.number(12_345, .russian) == "12\u{00A0}345")
        let day = CalendarDate(year: 2026, month: 12, day: 2)!
        #expect(Formatting.date(day, .english) == "2 December 2026")
        #expect(Formatting.date(day, .french) == "2 décembre 2026")
        #expect(Formatting.date(day, .spanish) == "2 de diciembre de 2026")
        #expect(Formatting.date(day, .russian).hasPrefix("2 декабря 2026"))
        #expect(Formatting.date(day, .chinese) == "2026年12月2日")
        #expect(Formatting.date(day, .arabic).contains("ديسمبر"))
    }

    @Test("each language is named in itself and in the reader's language")
    func languageNames() {
        #expect(Language.allCases.map(\.autonym) == ["العربية", "中文", "English", "Français", "Русский", "Español"])
        #expect(Language.french.name(of: .arabic) == "arabe")
        #expect(Language.english.name(of: .chinese) == "Chinese")
    }
}
