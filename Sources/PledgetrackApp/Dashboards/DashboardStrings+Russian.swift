extension Strings {
    /// The words of the progress dashboards, in Russian: the same keys as the English table.
    static let dashboardsRussian: KeyValuePairs<Key, String> = [
        .dashNavLabel: "Информационные панели",
        .dashOverviewTitle: "Информационные панели о ходе выполнения",
        .dashStatesTitle: "По государствам",
        .dashMeasuresTitle: "По мерам",
        .dashSDGsTitle: "По ЦУР",
        .dashGCMTitle: "По действиям ГДМ",
        .dashMatrixTitle: "Государства × меры",
        .dashAsOf: "Данные по состоянию на {time}.",
        .dashCountingRule:
            "Как мы считаем: доли рассчитываются от всех обязательств, соответствующих фильтрам, включая отозванные (всего {count}). Обязательство учитывается один раз в каждой стране, мере или задаче, которые в нём названы. В показателях по вехам не учитываются отменённые вехи и вехи отозванных обязательств.",
        .dashStalePledges: "Обязательства без обновлений 180 дней",
        .dashSeePledges:
            "Показать {count, plural, one {это # обязательство} few {эти # обязательства} many {эти # обязательств} other {эти # обязательства}} в списке",
        .dashSeeOverdue: "с просроченными вехами: {count}",
        .dashSeeStale: "без недавних обновлений: {count}",
        .dashProgress: "Ход выполнения",
        .dashPledgesByStatus: "Обязательства по статусу",
        .dashShare: "Доля",
        .dashTotal: "Всего",
        .dashStatusSummary:
            "Из {count, plural, one {# обязательства} few {# обязательств} many {# обязательств} other {# обязательства}} {fulfilled, plural, one {# выполнено} few {# выполнены} many {# выполнено} other {# выполнено}}, {progress, plural, one {# осуществляется} few {# осуществляются} many {# осуществляются} other {# осуществляется}}, {planning} ещё на этапе планирования и {withdrawn, plural, one {# отозвано} few {# отозваны} many {# отозвано} other {# отозвано}}.",
        .dashMilestonesByStage: "Выполненные вехи по этапам",
        .dashOpen: "Ещё не выполнены",
        .dashStageBarTitle: "{stage}: выполненные и ещё не выполненные вехи",
        .dashStageSummary:
            "Выполнено {done} из {total, plural, one {# вехи} few {# вех} many {# вех} other {# вехи}}; {overdue, plural, one {# просрочена} few {# просрочены} many {# просрочено} other {# просрочено}}.",
        .dashOverdue: "Просрочено",
        .dashMilestonesByStageStatus: "Вехи по этапам и статусам",
        .dashCompletedTitle: "Выполнение вех по месяцам",
        .dashMonth: "Месяц",
        .dashCompleted: "Выполнено",
        .dashCompletedSummary:
            "С {from} по {to} {count, plural, one {выполнена # веха} few {выполнены # вехи} many {выполнено # вех} other {выполнено # вехи}}; больше всего — {best} ({bestCount}).",
        .dashStatesSummary:
            "Обязательства осуществляются в {count, plural, one {# стране} few {# странах} many {# странах} other {# страны}}; в {halfway} из них выполнено не менее половины вех.",
        .tileMapTitle: "Карта стран по ходу выполнения",
        .tileMapHint:
            "Каждый квадрат — страна; страны сгруппированы по регионам ООН, и чем темнее квадрат, тем дальше продвинулась работа. Выберите квадрат, чтобы открыть страницу страны.",
        .tileNoPledges: "обязательств нет",
        .tileSummary:
            "{country}: {pledges, plural, one {# обязательство} few {# обязательства} many {# обязательств} other {# обязательства}}, выполнено вех: {done}",
        .tileLegendNone: "Обязательств нет",
        .tileLegend0: "Выполнено менее 25 % вех",
        .tileLegend1: "Выполнено 25–49 %",
        .tileLegend2: "Выполнено 50–74 %",
        .tileLegend3: "Выполнено 75 % и более",
        .dashStatesTable: "Страны и их обязательства",
        .dashSortRegion: "по региону",
        .dashSortPledges: "больше всего обязательств",
        .dashSortDone: "больше всего выполненных вех",
        .dashSortOverdue: "больше всего просроченных",
        .dashNotCovered: "Не охвачено ни одним обязательством",
        .dashDueOn: "срок — {date}",
        .dashOverdueMore: "Показано {shown} из {count}: те, что просрочены дольше всего.",
        .dashRecentChanges: "Последние изменения",
        .dashMeasuresCovered: "Охваченные и неохваченные меры",
        .dashCoveredSummary:
            "Обязательства здесь охватывают {covered} из 20 мер; {missing, plural, one {# мера не охвачена} few {# меры не охвачены} many {# мер не охвачено} other {# меры не охвачено}}.",
        .dashSDGTargets: "Задачи ЦУР",
        .dashMeasuresIntro: "20 мер по темам. По каждому этапу: сколько вех выполнено из всех вех обязательств по этой мере.",
        .dashAllMeasuresCovered: "Каждая мера охвачена хотя бы одним обязательством.",
        .dashMeasuresUncovered: "Меры, которые пока не охватывает ни одно обязательство: {list}.",
        .dashMeasuresCaption: "Меры, их обязательства и выполненные вехи на каждом этапе",
        .dashMeasureTitle: "Мера {number}: {title}",
        .dashAboutMeasure: "Чего требует эта мера",
        .dashCountriesHeading: "Страны",
        .dashSDGsIntro:
            "Задачи целей в области устойчивого развития, которым отвечает обязательство, и обязательства, в которых названа каждая из них.",
        .dashGCMIntro:
            "Действия по цели 10 Глобального договора о безопасной, упорядоченной и легальной миграции и обязательства, в которых названо каждое из них. Каждое действие ведёт по ссылке к своим обязательствам.",
        .dashSDGsCaption: "Задачи ЦУР и их обязательства",
        .dashGCMCaption: "Действия по цели 10 ГДМ и их обязательства",
        .dashGoal: "Цель {number}",
        .dashTargetTitle: "Задача ЦУР {code}",
        .dashTargetMeasures: "Меры",
        .dashTargetMeasuresHint: "Меры, которые отвечают этой задаче, и любые другие меры, названные в её обязательствах.",
        .dashMatrixIntro:
            "Какие меры охватывают обязательства каждой страны. Число в клетке — количество обязательств; оттенок показывает, какая доля их вех выполнена. Пустая клетка — пробел: ни одно обязательство в этой стране не охватывает эту меру.",
        .dashMatrixCaption: "Страны (строки) и меры с 1 по 20 (столбцы)",
        .dashCellLabel:
            "{pledges, plural, one {# обязательство} few {# обязательства} many {# обязательств} other {# обязательства}}, выполнено вех: {done}",
        .measure18Heading: "Отзывы пострадавших",
        .measure18Intro:
            "Здесь учтены опубликованные отзывы групп с участием пострадавших, авторы которых решили сделать их открытыми, без имени. Отзывы, доступные только группе, секретариату или владельцам обязательства, здесь не учитываются. Числа меньше 5 показаны как «меньше 5».",
        .measure18Total: "Открытые отзывы: {count}.",
        .measure18ByPanel: "Открытые отзывы по группам",
        .measure18ByStatus: "Открытые отзывы по статусу рассмотрения",
        .measure18ByScope: "Открытые отзывы по тому, кто может их читать",
        .measure18Count: "Число отзывов",
        .measure18Latest: "Последние открытые отзывы",
        .measure18NoneYet: "Пока не опубликовано ни одного отзыва, авторы которого согласились сделать его открытым.",
        .statusWithdrawnFeedback: "Отозваны авторами",
        .dashDownloadView: "Скачать эти данные в виде отчёта",
    ]
}
