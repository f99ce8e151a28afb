import Foundation

/// The interface's words, looked up by key in the reader's language, English when a
/// translation is missing. Every piece of text a page shows comes from here (or from the
/// database, for reference data and what people typed).
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public subscript(_ key: Key) -> String {
        Self.tables[language]?[key] ?? Self.english[key] ?? key.rawValue
    }

    /// A text with `{name}` placeholders filled in.
    public func format(_ key: Key, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public enum Key: String, Sendable, CaseIterable {
        case siteName, siteTagline, skipToContent, mainNavigation, navHome, navMeasures, breadcrumbs
        case footerAbout, footerSources
        case homeTitle, homeIntro, homeMeasuresHeading, homeMeasuresIntro
        case measuresTitle, measuresIntro
        case measureNumber, measureTheme, measureSDGTargets, measureGCMActions, measureGuidance, measureNone
        case previousMeasure, nextMeasure, allMeasures, sdgTargetShort, gcmActionShort
        case notFoundTitle, notFoundBody, badRequestTitle, badRequestBody
        case serverErrorTitle, serverErrorBody, unavailableTitle, unavailableBody, errorReference, backHome
    }

    static let tables: [Language: [Key: String]] = [.english: english]

    static let english: [Key: String] = [
        .siteName: "Pledgetrack",
        .siteTagline: "Following the pledges on protection from trafficking, from commitment to evaluation",
        .skipToContent: "Skip to main content",
        .mainNavigation: "Main",
        .navHome: "Home",
        .navMeasures: "Measures",
        .breadcrumbs: "You are here",
        .footerAbout: "Pledgetrack follows the Multistakeholder Pledge: Protection for refugees and migrants at risk of or affected by trafficking in persons.",
        .footerSources: "Measure titles and summaries are Pledgetrack’s own wording; each measure links to the pledge guidance it comes from.",
        .homeTitle: "Pledges on protection from trafficking",
        .homeIntro: "States, UN agencies, civil society, cities and companies have pledged to protect refugees and migrants at risk of or affected by trafficking in persons. Pledgetrack follows each pledge from commitment to implementation to evaluation.",
        .homeMeasuresHeading: "The 20 measures",
        .homeMeasuresIntro: "The pledge guidance lists 20 measures in seven themes. Each answers targets of the Sustainable Development Goals (SDG) and actions of Objective 10 of the Global Compact for Migration (GCM).",
        .measuresTitle: "Measures",
        .measuresIntro: "The 20 measures of the pledge guidance, grouped by theme, with the SDG targets and GCM Objective 10 actions each one answers.",
        .measureNumber: "Measure {number}",
        .measureTheme: "Theme",
        .measureSDGTargets: "SDG targets",
        .measureGCMActions: "GCM Objective 10 actions",
        .measureGuidance: "Source: {reference}",
        .measureNone: "None",
        .previousMeasure: "Previous: measure {number}",
        .nextMeasure: "Next: measure {number}",
        .allMeasures: "All measures",
        .sdgTargetShort: "SDG {code}",
        .gcmActionShort: "GCM ({letter})",
        .notFoundTitle: "Page not found",
        .notFoundBody: "There is no page at this address. It may have moved, or the address may be mistyped.",
        .badRequestTitle: "This request could not be understood",
        .badRequestBody: "Part of the address or the form is not in a form Pledgetrack can read. Check it and try again.",
        .serverErrorTitle: "Something went wrong",
        .serverErrorBody: "Pledgetrack could not show this page. The problem has been logged; please try again in a moment.",
        .unavailableTitle: "Temporarily unavailable",
        .unavailableBody: "Pledgetrack cannot reach its database just now. Nothing you saved is lost. Please try again in a minute.",
        .errorReference: "Reference for support: {id}",
        .backHome: "Go to the home page",
    ]
}
