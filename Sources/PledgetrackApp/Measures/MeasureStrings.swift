extension Strings {
    /// The words of the measures and the home page, in English: one key a line, in the order of the keys'
    /// `Measures` group in `Strings.Key`. A key in two tables stops the app at start (`Strings.catalog`).
    static let measuresEnglish: KeyValuePairs<Key, String> = [
        .homeTitle: "Pledges on protection from trafficking",
        .homeIntro:
            "States, UN agencies, civil society, cities and companies have pledged to protect refugees and migrants at risk of or affected by trafficking in persons. Pledgetrack follows each pledge from commitment to implementation to evaluation.",
        .homeMeasuresHeading: "The 20 measures",
        .homeMeasuresIntro:
            "The pledge guidance lists 20 measures in seven themes. Each answers targets of the Sustainable Development Goals (SDG) and actions of Objective 10 of the Global Compact for Migration (GCM).",
        .measuresTitle: "Measures",
        .measuresIntro:
            "The 20 measures of the pledge guidance, grouped by theme, with the SDG targets and GCM Objective 10 actions each one answers.",
        .measureGuidance: "Source: {reference}",
        .previousMeasure: "Previous: measure {number}",
        .nextMeasure: "Next: measure {number}",
        .allMeasures: "All measures",
        .measureFollowHeading: "Follow this measure",
        .measurePledgesLink: "Pledges under measure {number}",
        .measureDashboardLink: "Progress on measure {number}, by stage and State",
        .measureFeedbackLink: "What survivor panels said (feedback published with their consent)",
        .homeGlanceHeading: "Progress at a glance",
        .homeSeeDashboards: "See the progress dashboards",
    ]
}
