extension Strings {
    /// The words of the measures pages, in French: the same keys as the English table.
    static let measuresFrench: KeyValuePairs<Key, String> = [
        .homeTitle: "Engagements pour la protection contre la traite",
        .homeIntro:
            "Des États, des organismes des Nations Unies, la société civile, des villes et des entreprises se sont engagés à protéger les réfugiés et les migrants exposés au risque de traite des personnes ou touchés par celle-ci. Pledgetrack suit chaque engagement, de la prise d’engagement à la mise en œuvre et à l’évaluation.",
        .homeMeasuresHeading: "Les 20 mesures",
        .homeMeasuresIntro:
            "Les orientations relatives aux engagements énumèrent 20 mesures, réparties en sept thèmes. Chacune répond à des cibles des objectifs de développement durable (ODD) et à des actions de l’objectif 10 du Pacte mondial pour des migrations sûres, ordonnées et régulières (PMM).",
        .measuresTitle: "Mesures",
        .measuresIntro:
            "Les 20 mesures des orientations relatives aux engagements, regroupées par thème, avec les cibles des ODD et les actions de l’objectif 10 du PMM auxquelles chacune répond.",
        .measureGuidance: "Source : {reference}",
        .previousMeasure: "Précédente : mesure {number}",
        .nextMeasure: "Suivante : mesure {number}",
        .allMeasures: "Toutes les mesures",
        .measureFollowHeading: "Suivre cette mesure",
        .measurePledgesLink: "Engagements relevant de la mesure {number}",
        .measureDashboardLink: "Avancement de la mesure {number}, par étape et par État",
        .measureFeedbackLink: "Ce qu’ont dit les groupes de survivants (avis publiés avec leur consentement)",
        .homeGlanceHeading: "L’avancement en un coup d’œil",
        .homeSeeDashboards: "Voir les tableaux de bord de l’avancement",
    ]
}
