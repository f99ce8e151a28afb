extension Strings {
    /// The words of the measures and the home page, in Chinese: the same keys as the English table.
    static let measuresChinese: KeyValuePairs<Key, String> = [
        .homeTitle: "防止人口贩运保护认捐",
        .homeIntro:
            "各国、联合国机构、民间社会、城市和企业已作出认捐，保护面临贩运人口风险或受贩运人口影响的难民和移民。Pledgetrack跟踪每项认捐从承诺到执行再到评估的全过程。",
        .homeMeasuresHeading: "20项措施",
        .homeMeasuresIntro:
            "认捐指导列出了七个主题下的20项措施。每项措施都响应可持续发展目标的具体目标和《安全、有序和正常移民全球契约》（《移民全球契约》）目标10的行动。",
        .measuresTitle: "措施",
        .measuresIntro:
            "认捐指导中的20项措施，按主题分组，并列出每项措施所响应的可持续发展目标具体目标和《移民全球契约》目标10的行动。",
        .measureGuidance: "来源：{reference}",
        .previousMeasure: "上一项：措施{number}",
        .nextMeasure: "下一项：措施{number}",
        .allMeasures: "所有措施",
        .measureFollowHeading: "关注这项措施",
        .measurePledgesLink: "措施{number}下的认捐",
        .measureDashboardLink: "措施{number}的进展，按阶段和国家分列",
        .measureFeedbackLink: "幸存者小组的意见（经其同意发布的反馈）",
        .homeGlanceHeading: "进展一览",
        .homeSeeDashboards: "查看进展仪表板",
    ]
}
