extension Strings {
    /// The words of the worklists, in French: the same keys as the English table.
    static let worklistsFrench: KeyValuePairs<Key, String> = [
        .worklistTitle: "Votre travail",
        .worklistIntro: "Ce qui vous attend. Chaque ligne ouvre la liste correspondante.",
        .worklistNothingAssigned: "Rien ne vous est encore attribué. C’est le secrétariat qui attribue les rôles et les entités.",
        .worklistNone: "aucun",
        .worklistUnreadNotices:
            "Vous avez {count, plural, one {# alerte de sécurité non lue} many {# d’alertes de sécurité non lues} other {# alertes de sécurité non lues}}.",
        .worklistReadNotices: "Les lire sur la page de votre compte",
        .worklistMyPledges: "Engagements de vos entités",
        .worklistAllMyPledges: "Tous les engagements de vos entités",
        .worklistOverdue: "Avec des jalons en retard",
        .worklistSentBack: "Avec une évaluation renvoyée par le secrétariat",
        .worklistStale: "Sans mise à jour depuis 180 jours",
        .worklistAwaitingAnswer: "Avis de survivants qui attendent votre réponse",
        .worklistQueue: "La file d’attente du secrétariat",
        .worklistWaitingValidation: "Évaluations en attente de validation",
        .worklistAwaitingModeration: "Avis en attente d’une décision de modération",
        .worklistOverdueAll: "Engagements avec des jalons en retard",
        .worklistStaleAll: "Engagements sans mise à jour depuis 180 jours",
        .worklistEntitiesWithoutFocalPoint: "Entités sans point focal",
        .worklistFeedbackByReview: "Avis de survivants, selon l’avancement de leur examen",
        .worklistPanels: "Groupes de survivants",
        .worklistYourPanels: "Groupes dont vous êtes le facilitateur",
        .worklistAccounts: "Comptes",
    ]
}
