extension Strings {
    /// The words of the measures and the home page, in Spanish: the same keys as the English table.
    static let measuresSpanish: KeyValuePairs<Key, String> = [
        .homeTitle: "Promesas sobre la protección frente a la trata",
        .homeIntro:
            "Estados, organismos de las Naciones Unidas, la sociedad civil, ciudades y empresas han hecho promesas para proteger a las personas refugiadas y migrantes que corren riesgo de ser víctimas de la trata de personas o que se ven afectadas por ella. Pledgetrack sigue cada promesa desde el compromiso hasta la ejecución y la evaluación.",
        .homeMeasuresHeading: "Las 20 medidas",
        .homeMeasuresIntro:
            "La guía para las promesas enumera 20 medidas en siete temas. Cada una responde a metas de los Objetivos de Desarrollo Sostenible (ODS) y a acciones del Objetivo 10 del Pacto Mundial para la Migración (PMM).",
        .measuresTitle: "Medidas",
        .measuresIntro:
            "Las 20 medidas de la guía para las promesas, agrupadas por tema, con las metas de los ODS y las acciones del Objetivo 10 del PMM a las que responde cada una.",
        .measureGuidance: "Fuente: {reference}",
        .previousMeasure: "Anterior: medida {number}",
        .nextMeasure: "Siguiente: medida {number}",
        .allMeasures: "Todas las medidas",
        .measureFollowHeading: "Seguir esta medida",
        .measurePledgesLink: "Promesas en el marco de la medida {number}",
        .measureDashboardLink: "Avances en la medida {number}, por etapa y por Estado",
        .measureFeedbackLink: "Lo que dijeron los grupos de supervivientes (comentarios publicados con su consentimiento)",
        .homeGlanceHeading: "Los avances de un vistazo",
        .homeSeeDashboards: "Ver los tableros de avances",
    ]
}
