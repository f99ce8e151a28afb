extension Strings {
    /// The words of the worklists, in Chinese: the same keys as the English table.
    static let worklistsChinese: KeyValuePairs<Key, String> = [
        .worklistTitle: "您的工作",
        .worklistIntro: "等待您处理的事项。点击每一行即可打开它所统计的列表。",
        .worklistNothingAssigned: "目前还没有分配给您的事项。角色和实体由秘书处分配。",
        .worklistNone: "无",
        .worklistUnreadNotices: "您有{count}条未读的安全提醒。",
        .worklistReadNotices: "在您的账户网页上阅读",
        .worklistMyPledges: "您的实体的认捐",
        .worklistAllMyPledges: "您的实体的所有认捐",
        .worklistOverdue: "有逾期里程碑的",
        .worklistSentBack: "有被秘书处退回的评估的",
        .worklistStale: "180天未更新的",
        .worklistAwaitingAnswer: "等待您答复的幸存者反馈",
        .worklistQueue: "秘书处的待办事项",
        .worklistWaitingValidation: "等待验证的评估",
        .worklistAwaitingModeration: "等待审核决定的反馈",
        .worklistOverdueAll: "有逾期里程碑的认捐",
        .worklistStaleAll: "180天未更新的认捐",
        .worklistEntitiesWithoutFocalPoint: "没有协调人的实体",
        .worklistFeedbackByReview: "按审阅进展分列的幸存者反馈",
        .worklistPanels: "幸存者小组",
        .worklistYourPanels: "由您主持的小组",
        .worklistAccounts: "账户",
    ]
}
