import Foundation

/// A pledge's translations as its editor types them: the language it was written in, and for
/// each other language a title, a description and its milestones' titles. An empty language
/// has no translation; the form comes back with everything typed when something needs fixing.
struct TranslationForm: Sendable {
    struct Entry: Sendable, Equatable {
        var title = ""
        var description = ""
        /// Milestone id → title in this language.
        var milestones: [Int: String] = [:]

        var isEmpty: Bool { title.isEmpty && description.isEmpty && milestones.values.allSatisfy(\.isEmpty) }
    }

    var original = ""
    var entries: [Language: Entry] = [:]

    init(original: Language, entries: [Language: Entry]) {
        self.original = original.rawValue
        self.entries = entries
    }

    init(_ form: FormData, milestoneIDs: [Int]) {
        original = form.trimmed("language")
        for language in Language.allCases {
            var entry = Entry()
            entry.title = form.trimmed("title_\(language.rawValue)")
            entry.description = FeedbackForm.clean(form.string("description_\(language.rawValue)"))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            for id in milestoneIDs {
                let title = form.trimmed("milestone_\(id)_\(language.rawValue)")
                if !title.isEmpty { entry.milestones[id] = title }
            }
            entries[language] = entry
        }
    }

    struct Valid: Sendable {
        let original: Language
        /// Every language but the original: nil removes its translation.
        let entries: [Language: Entry?]
    }

    func validate() -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        let original = Language(code: original)
        if original == nil { errors.add("language", .languageUnknown) }
        var valid: [Language: Entry?] = [:]
        for language in Language.allCases where language != original {
            let entry = entries[language] ?? Entry()
            let code = language.rawValue
            if entry.title.length > 300 { errors.add("title_\(code)", .pledgeTitleInvalid) }
            if entry.description.length > 10_000 { errors.add("description_\(code)", .notesTooLong) }
            if entry.title.isEmpty, !entry.isEmpty { errors.add("title_\(code)", .translationTitleNeeded) }
            for (id, title) in entry.milestones where title.length > 300 { errors.add("milestone_\(id)_\(code)", .milestoneTitleInvalid) }
            valid[language] = entry.isEmpty ? nil : entry
        }
        if let original, !(entries[original] ?? Entry()).isEmpty { errors.add("language", .translationInOriginal) }
        guard errors.isEmpty, let original else { return .failure(errors) }
        return .success(Valid(original: original, entries: valid))
    }
}
