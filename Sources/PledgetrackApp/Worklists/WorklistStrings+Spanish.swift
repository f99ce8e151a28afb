extension Strings {
    /// The words of the worklists, in Spanish: the same keys as the English table.
    static let worklistsSpanish: KeyValuePairs<Key, String> = [
        .worklistTitle: "Su trabajo",
        .worklistIntro: "Lo que le espera. Cada línea abre la lista que cuenta.",
        .worklistNothingAssigned: "Todavía no tiene nada asignado. La secretaría asigna las funciones y las entidades.",
        .worklistNone: "ninguno",
        .worklistUnreadNotices:
            "Tiene {count, plural, one {# aviso de seguridad que no ha leído} many {# de avisos de seguridad que no ha leído} other {# avisos de seguridad que no ha leído}}.",
        .worklistReadNotices: "Léalos en la página de su cuenta",
        .worklistMyPledges: "Promesas de sus entidades",
        .worklistAllMyPledges: "Todas las promesas de sus entidades",
        .worklistOverdue: "Con hitos vencidos",
        .worklistSentBack: "Con una evaluación devuelta por la secretaría",
        .worklistStale: "Sin actualizar desde hace 180 días",
        .worklistAwaitingAnswer: "Comentarios de supervivientes que esperan su respuesta",
        .worklistQueue: "La cola de la secretaría",
        .worklistWaitingValidation: "Evaluaciones pendientes de validación",
        .worklistAwaitingModeration: "Comentarios pendientes de una decisión de moderación",
        .worklistOverdueAll: "Promesas con hitos vencidos",
        .worklistStaleAll: "Promesas sin actualizar desde hace 180 días",
        .worklistEntitiesWithoutFocalPoint: "Entidades sin punto focal",
        .worklistFeedbackByReview: "Comentarios de supervivientes según la situación de su revisión",
        .worklistPanels: "Grupos de supervivientes",
        .worklistYourPanels: "Grupos que usted facilita",
        .worklistAccounts: "Cuentas",
    ]
}
