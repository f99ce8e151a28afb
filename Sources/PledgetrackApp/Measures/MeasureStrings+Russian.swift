extension Strings {
    /// The words of the measures pages, in Russian: the same keys as the English table.
    static let measuresRussian: KeyValuePairs<Key, String> = [
        .homeTitle: "Обязательства по защите от торговли людьми",
        .homeIntro:
            "Государства, учреждения ООН, гражданское общество, города и компании взяли на себя обязательства защищать беженцев и мигрантов, подвергающихся риску торговли людьми или пострадавших от неё. Pledgetrack следит за каждым обязательством: от принятия до осуществления и оценки.",
        .homeMeasuresHeading: "20 мер",
        .homeMeasuresIntro:
            "В руководстве по обязательствам перечислены 20 мер по семи темам. Каждая мера отвечает задачам целей в области устойчивого развития (ЦУР) и действиям по цели 10 Глобального договора о безопасной, упорядоченной и легальной миграции (ГДМ).",
        .measuresTitle: "Меры",
        .measuresIntro:
            "20 мер руководства по обязательствам по темам, с задачами ЦУР и действиями по цели 10 ГДМ, которым отвечает каждая из них.",
        .measureGuidance: "Источник: {reference}",
        .previousMeasure: "Предыдущая: мера {number}",
        .nextMeasure: "Следующая: мера {number}",
        .allMeasures: "Все меры",
        .measureFollowHeading: "Следить за этой мерой",
        .measurePledgesLink: "Обязательства по мере {number}",
        .measureDashboardLink: "Ход выполнения меры {number} по этапам и государствам",
        .measureFeedbackLink: "Что сказали группы пострадавших (отзывы, опубликованные с согласия авторов)",
        .homeGlanceHeading: "Ход выполнения вкратце",
        .homeSeeDashboards: "Открыть информационные панели",
    ]
}
