/// Who may read a piece of feedback, as its author chose. The scopes widen in this order;
/// the database decides who is in each (see `feedback_visible_to` in the migrations).
public enum FeedbackScope: String, Vocabulary, Comparable {
    case panel, secretariat, pledgeOwners = "pledge_owners", `public`

    var label: Strings.Key {
        switch self {
        case .panel: .scopePanel
        case .secretariat: .scopeSecretariat
        case .pledgeOwners: .scopePledgeOwners
        case .public: .scopePublic
        }
    }

    /// Who that is, in plain words, for the form and the item page.
    var explanation: Strings.Key {
        switch self {
        case .panel: .scopePanelHint
        case .secretariat: .scopeSecretariatHint
        case .pledgeOwners: .scopePledgeOwnersHint
        case .public: .scopePublicHint
        }
    }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Whether feedback is shown beyond its author and moderators.
public enum Moderation: String, Vocabulary {
    case pending, published, hidden

    var label: Strings.Key {
        switch self {
        case .pending: .moderationPending
        case .published: .moderationPublished
        case .hidden: .moderationHidden
        }
    }
}

/// Where the secretariat's review of feedback stands ("you said, we did").
public enum Review: String, Vocabulary {
    case new, acknowledged, answered, actedUpon = "acted_upon"

    var label: Strings.Key {
        switch self {
        case .new: .reviewNew
        case .acknowledged: .reviewAcknowledged
        case .answered: .reviewAnswered
        case .actedUpon: .reviewActedUpon
        }
    }
}

/// A moderator's decision on one item.
enum ModerationDecision: String, Sendable, CaseIterable {
    case publish = "published", hide = "hidden", restore = "restored", hiddenByFlags = "hidden_by_flags"

    var label: Strings.Key {
        switch self {
        case .publish: .decisionPublished
        case .hide: .decisionHidden
        case .restore: .decisionRestored
        case .hiddenByFlags: .decisionHiddenByFlags
        }
    }

    /// The moderation state the decision leads to.
    var outcome: Moderation { self == .publish || self == .restore ? .published : .hidden }
}
