extension Strings {
    /// The words of the security work (issue 15): second factor limits and replacement,
    /// security notices, survivor accounts, feedback audiences, panel facilitators.
    static let securityEnglish: [Key: String] = [
        .secondFactorLocked: "Too many wrong codes for this account. Wait 15 minutes, or use one of your recovery codes now.",
        .flashSecondFactorTriesUsed: "Too many wrong codes. For your safety you have been signed out: sign in again to try once more.",
        .panelMemberRoleByLinkOnly: "People join a survivor panel only with a link from its facilitator. Leave “Panel member” unticked.",
        .cannotChangeOwnRoles: "You cannot change your own roles or entities. Ask another admin or the secretariat to do it.",
        .survivorAccountNote:
            "This is a survivor panel member’s account. Only the member can change it: nobody else can set its password, its roles or its e-mail address. You can end its sessions or disable it if the member’s safety needs it.",
        .flashDeletedAccountStaysClosed: "This account was deleted by its owner and cannot be enabled again.",
        .ownershipOwnerOnly: "Only the owner’s focal points or the secretariat can change who owns this pledge.",
        .ownershipOwnerOnlyHint: "You edit this pledge as a co-owner. The owner’s focal points or the secretariat can change who owns it.",
        .flashFeedbackShared: "Your feedback can now be read by the pledge’s present owners as well.",
        .shareNewOwnersHeading: "The pledge has new owners",
        .shareNewOwnersIntro:
            "Since you posted this, other organisations became responsible for the pledge. They cannot read it. If you want them to, share it with them. You do not have to.",
        .shareNewOwnersButton: "Share with the present owners",
        .panelFacilitatorAdminOnly:
            "Only an admin can change who facilitates a panel that exists. Ask an admin, or keep the present facilitator.",
        .panelFacilitatorAdminOnlyHint: "Only an admin can change who facilitates this panel. The panel’s members are shown the change.",
        .facilitatorChangedOn: "since {date}, named by an admin",
        .fewerThan: "fewer than {count}",
        .joinDetailsRefused:
            "This pseudonym or e-mail address cannot be used. Please choose another pseudonym. If you gave an e-mail address, try another one or leave it out.",
        .secondFactorHeading: "Authenticator app",
        .secondFactorReplaceIntro:
            "If you have a new phone or lost your authenticator app, set up a new one here. You will need a code from your present app, or one of your recovery codes.",
        .secondFactorReplaceLink: "Set up a new authenticator app",
        .secondFactorReplaceTitle: "Set up a new authenticator app",
        .fieldCurrentCode: "Code from your present app, or a recovery code",
        .fieldNewCode: "Code from the new app",
        .secondFactorReplaceButton: "Use the new app",
        .securityNoticesHeading: "Check these changes to your account",
        .securityNoticesAdvice: "If you did not do this, change your password now and tell the secretariat or an admin.",
        .securityNoticesSeen: "I have read these",
        .noticeSecondFactorEnrolled: "An authenticator app was set up for your account.",
        .noticeSecondFactorReplaced: "Your authenticator app was replaced, and new recovery codes were made.",
        .noticeRecoveryCodeUsed: "A recovery code was used to sign in.",
        .noticeRolesChanged: "Your roles or entities were changed by a manager.",
        .noticeSecondFactorLocked: "Someone who knew your password entered wrong codes too many times.",
        .noticePasswordChanged: "Your password was changed.",
    ]
}
