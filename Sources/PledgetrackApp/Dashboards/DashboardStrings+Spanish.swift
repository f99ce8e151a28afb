extension Strings {
    /// The words of the progress dashboards, in Spanish: the same keys as the English table.
    static let dashboardsSpanish: KeyValuePairs<Key, String> = [
        .dashNavLabel: "Tableros",
        .dashOverviewTitle: "Tableros de avances",
        .dashStatesTitle: "Por Estado",
        .dashMeasuresTitle: "Por medida",
        .dashSDGsTitle: "Por ODS",
        .dashGCMTitle: "Por acción del PMM",
        .dashMatrixTitle: "Estado × medida",
        .dashAsOf: "Cifras a {time}.",
        .dashCountingRule:
            "Cómo contamos: las proporciones se calculan sobre el total de promesas que coinciden con los filtros ({count}), incluidas las retiradas. Una promesa cuenta una vez en cada país, medida o meta que menciona. Las cifras de hitos no incluyen los hitos descartados ni los hitos de las promesas retiradas.",
        .dashStalePledges: "Promesas sin actualizar desde hace 180 días",
        .dashSeePledges:
            "{count, plural, one {Ver esta promesa en la lista} many {Ver estas # de promesas en la lista} other {Ver estas # promesas en la lista}}",
        .dashSeeOverdue: "{count} con hitos vencidos",
        .dashSeeStale: "{count} sin actualizaciones recientes",
        .dashProgress: "Avances",
        .dashPledgesByStatus: "Promesas por situación",
        .dashShare: "Proporción",
        .dashTotal: "Total",
        .dashStatusSummary:
            "De {count, plural, one {# promesa} many {# de promesas} other {# promesas}}, {fulfilled, plural, one {# está cumplida} many {# están cumplidas} other {# están cumplidas}}, {progress} en curso, {planning} todavía en planificación y {withdrawn, plural, one {# retirada} many {# retiradas} other {# retiradas}}.",
        .dashMilestonesByStage: "Hitos completados, por etapa",
        .dashOpen: "Sin completar todavía",
        .dashStageBarTitle: "{stage}: hitos completados y sin completar todavía",
        .dashStageSummary:
            "Hitos completados: {done} de {total}; hitos con la fecha límite ya pasada: {overdue}.",
        .dashOverdue: "Vencidos",
        .dashMilestonesByStageStatus: "Hitos por etapa y situación",
        .dashCompletedTitle: "Hitos completados cada mes",
        .dashMonth: "Mes",
        .dashCompleted: "Completados",
        .dashCompletedSummary:
            "{count, plural, one {Se completó # hito} many {Se completaron # de hitos} other {Se completaron # hitos}} desde {from} hasta {to}; el mes con más fue {best} ({bestCount}).",
        .dashStatesSummary:
            "Hay promesas en ejecución en {count, plural, one {# país} many {# de países} other {# países}}; en {halfway} de ellos se ha completado al menos la mitad de los hitos.",
        .tileMapTitle: "Mapa de países por avances",
        .tileMapHint:
            "Cada cuadrado es un país, agrupado por región de las Naciones Unidas; cuanto más oscuro es el cuadrado, más avanzado está. Elija un cuadrado para ver la página del país.",
        .tileNoPledges: "sin promesas",
        .tileSummary: "{country}: {pledges, plural, one {# promesa} many {# de promesas} other {# promesas}}; hitos completados: {done}",
        .tileLegendNone: "Sin promesas",
        .tileLegend0: "Menos del 25 % de los hitos completados",
        .tileLegend1: "25–49 % completados",
        .tileLegend2: "50–74 % completados",
        .tileLegend3: "75 % o más completados",
        .dashStatesTable: "Los países y sus promesas",
        .dashSortRegion: "región",
        .dashSortPledges: "más promesas",
        .dashSortDone: "más hitos completados",
        .dashSortOverdue: "más hitos vencidos",
        .dashNotCovered: "No abarcado por ninguna promesa",
        .dashDueOn: "fecha límite: {date}",
        .dashOverdueMore:
            "De {count, plural, one {# hito vencido} many {# de hitos vencidos} other {# hitos vencidos}}, {shown, plural, one {se muestra el que lleva más tiempo vencido} many {se muestran los # que llevan más tiempo vencidos} other {se muestran los # que llevan más tiempo vencidos}}.",
        .dashRecentChanges: "Últimos cambios",
        .dashMeasuresCovered: "Medidas abarcadas y pendientes",
        .dashCoveredSummary:
            "Estas promesas abarcan {covered} de las 20 medidas; {missing, plural, one {# queda sin abarcar} many {# quedan sin abarcar} other {# quedan sin abarcar}}.",
        .dashSDGTargets: "Metas de los ODS",
        .dashMeasuresIntro:
            "Las 20 medidas por tema. En cada etapa: hitos completados sobre el total de hitos de las promesas de la medida.",
        .dashAllMeasuresCovered: "Todas las medidas están abarcadas por al menos una promesa.",
        .dashMeasuresUncovered: "Medidas que todavía no abarca ninguna promesa: {list}.",
        .dashMeasuresCaption: "Las medidas, sus promesas y los hitos completados en cada etapa",
        .dashMeasureTitle: "Medida {number}: {title}",
        .dashAboutMeasure: "Lo que pide esta medida",
        .dashCountriesHeading: "Países",
        .dashSDGsIntro:
            "Las metas de los Objetivos de Desarrollo Sostenible a las que responde la promesa, y las promesas que mencionan cada una.",
        .dashGCMIntro:
            "Las acciones del Objetivo 10 del Pacto Mundial para la Migración, y las promesas que mencionan cada una. Cada acción remite a sus promesas.",
        .dashSDGsCaption: "Metas de los ODS y sus promesas",
        .dashGCMCaption: "Acciones del Objetivo 10 del PMM y sus promesas",
        .dashGoal: "Objetivo {number}",
        .dashTargetTitle: "Meta {code} de los ODS",
        .dashTargetMeasures: "Medidas",
        .dashTargetMeasuresHint: "Las medidas que responden a esta meta, y cualquier otra medida que mencionen sus promesas.",
        .dashMatrixIntro:
            "Qué medidas abarcan las promesas de cada país. La cifra es el número de promesas; el tono indica qué parte de sus hitos está completada. Una celda vacía es una laguna: ninguna promesa de ese país abarca la medida.",
        .dashMatrixCaption: "Países (filas) y medidas 1 a 20 (columnas)",
        .dashCellLabel: "{pledges, plural, one {# promesa} many {# de promesas} other {# promesas}}; hitos completados: {done}",
        .measure18Heading: "Comentarios de supervivientes",
        .measure18Intro:
            "Comentarios de los grupos de participación de supervivientes que sus autores decidieron hacer públicos, sin nombre, contados una vez publicados. Los comentarios compartidos solo con un grupo, con la secretaría o con los titulares de una promesa no se cuentan aquí. Las cifras inferiores a 5 se muestran como “menos de 5”.",
        .measure18Total: "Comentarios públicos: {count}.",
        .measure18ByPanel: "Comentarios públicos por grupo",
        .measure18ByStatus: "Comentarios públicos por situación de la revisión",
        .measure18ByScope: "Comentarios públicos según quién puede leerlos",
        .measure18Count: "Comentarios",
        .measure18Latest: "Últimos comentarios públicos",
        .measure18NoneYet: "Todavía no se ha publicado ningún comentario con consentimiento para hacerlo público.",
        .statusWithdrawnFeedback: "Retirado por su autor",
        .dashDownloadView: "Descargar esta vista como informe",
    ]
}
