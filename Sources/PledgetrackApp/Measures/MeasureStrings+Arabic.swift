extension Strings {
    /// The words of the measures pages, in Arabic: the same keys as the English table.
    static let measuresArabic: KeyValuePairs<Key, String> = [
        .homeTitle: "التعهدات المتعلقة بالحماية من الاتجار بالأشخاص",
        .homeIntro:
            "تعهدت الدول ووكالات الأمم المتحدة والمجتمع المدني والمدن والشركات بحماية اللاجئين والمهاجرين المعرضين لخطر الاتجار بالأشخاص أو المتضررين منه. ويتابع Pledgetrack كل تعهد من الالتزام إلى التنفيذ ثم التقييم.",
        .homeMeasuresHeading: "التدابير العشرون",
        .homeMeasuresIntro:
            "تحدد إرشادات التعهد 20 تدبيرًا موزعة على سبعة محاور. ويستجيب كل منها لغايات من أهداف التنمية المستدامة ولإجراءات من الهدف 10 من الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية (الاتفاق العالمي للهجرة).",
        .measuresTitle: "التدابير",
        .measuresIntro:
            "التدابير العشرون الواردة في إرشادات التعهد، مجمّعة حسب المحور، مع غايات أهداف التنمية المستدامة وإجراءات الهدف 10 من الاتفاق العالمي للهجرة التي يستجيب لها كل تدبير.",
        .measureGuidance: "المصدر: {reference}",
        .previousMeasure: "السابق: التدبير {number}",
        .nextMeasure: "التالي: التدبير {number}",
        .allMeasures: "جميع التدابير",
        .measureFollowHeading: "متابعة هذا التدبير",
        .measurePledgesLink: "التعهدات في إطار التدبير {number}",
        .measureDashboardLink: "التقدم في التدبير {number}، حسب المرحلة والدولة",
        .measureFeedbackLink: "ما قالته أفرقة الناجين (ملاحظات نُشرت بموافقة أصحابها)",
        .homeGlanceHeading: "التقدم في لمحة",
        .homeSeeDashboards: "الاطلاع على لوحات متابعة التقدم",
    ]
}
