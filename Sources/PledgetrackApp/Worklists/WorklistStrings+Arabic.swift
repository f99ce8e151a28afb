extension Strings {
    /// The words of the worklists, in Arabic: the same keys as the English table.
    static let worklistsArabic: KeyValuePairs<Key, String> = [
        .worklistTitle: "عملك",
        .worklistIntro: "ما ينتظرك. وينقلك كل سطر إلى القائمة التي يحصيها.",
        .worklistNothingAssigned: "لم يُسند إليك أي شيء بعد. وتتولى الأمانة إسناد الأدوار والكيانات.",
        .worklistNone: "لا شيء",
        .worklistUnreadNotices:
            "{count, plural, zero {ليست لديك تنبيهات أمنية غير مقروءة} one {لديك تنبيه أمني واحد غير مقروء} two {لديك تنبيهان أمنيان غير مقروءين} few {لديك # تنبيهات أمنية غير مقروءة} many {لديك # تنبيهًا أمنيًا غير مقروء} other {لديك # تنبيه أمني غير مقروء}}.",
        .worklistReadNotices: "الاطلاع عليها في صفحة حسابك",
        .worklistMyPledges: "تعهدات كياناتك",
        .worklistAllMyPledges: "جميع تعهدات كياناتك",
        .worklistOverdue: "التي لها معالم فات موعدها",
        .worklistSentBack: "التي أعادت الأمانة تقييمها للمراجعة",
        .worklistStale: "التي لم تُحدَّث منذ 180 يومًا",
        .worklistAwaitingAnswer: "ملاحظات الناجين التي تنتظر ردك",
        .worklistQueue: "ما ينتظر الأمانة",
        .worklistWaitingValidation: "التقييمات التي تنتظر الاعتماد",
        .worklistAwaitingModeration: "الملاحظات التي تنتظر قرار الإشراف",
        .worklistOverdueAll: "التعهدات التي لها معالم فات موعدها",
        .worklistStaleAll: "التعهدات التي لم تُحدَّث منذ 180 يومًا",
        .worklistEntitiesWithoutFocalPoint: "الكيانات التي ليست لها جهة تنسيق",
        .worklistFeedbackByReview: "ملاحظات الناجين حسب حالة متابعتها",
        .worklistPanels: "أفرقة الناجين",
        .worklistYourPanels: "الأفرقة التي تيسّرها",
        .worklistAccounts: "الحسابات",
    ]
}
