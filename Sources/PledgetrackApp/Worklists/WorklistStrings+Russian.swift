extension Strings {
    /// The words of the worklists, in Russian: the same keys as the English table.
    static let worklistsRussian: KeyValuePairs<Key, String> = [
        .worklistTitle: "Ваши задачи",
        .worklistIntro: "Что ждёт вашего внимания. Каждая строка открывает список, который она подсчитывает.",
        .worklistNothingAssigned: "Вам пока ничего не поручено. Роли и субъекты назначает секретариат.",
        .worklistNone: "нет",
        .worklistUnreadNotices:
            "У вас {count, plural, one {# непрочитанное уведомление} few {# непрочитанных уведомления} many {# непрочитанных уведомлений} other {# непрочитанного уведомления}} о безопасности.",
        .worklistReadNotices: "Прочитайте их на странице своей учётной записи",
        .worklistMyPledges: "Обязательства ваших субъектов",
        .worklistAllMyPledges: "Все обязательства ваших субъектов",
        .worklistOverdue: "С просроченными вехами",
        .worklistSentBack: "С оценкой, которую секретариат вернул на доработку",
        .worklistStale: "Без обновлений 180 дней",
        .worklistAwaitingAnswer: "Отзывы пострадавших, которые ждут вашего ответа",
        .worklistQueue: "Очередь секретариата",
        .worklistWaitingValidation: "Оценки, ожидающие подтверждения",
        .worklistAwaitingModeration: "Отзывы, ожидающие решения модератора",
        .worklistOverdueAll: "Обязательства с просроченными вехами",
        .worklistStaleAll: "Обязательства без обновлений 180 дней",
        .worklistEntitiesWithoutFocalPoint: "Субъекты без координатора",
        .worklistFeedbackByReview: "Отзывы пострадавших по статусу рассмотрения",
        .worklistPanels: "Группы пострадавших",
        .worklistYourPanels: "Группы, которые вы ведёте",
        .worklistAccounts: "Учётные записи",
    ]
}
