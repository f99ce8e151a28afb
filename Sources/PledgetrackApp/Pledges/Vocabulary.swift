/// The fixed words of pledges and milestones, as stored (raw values) and as shown (catalog keys).
protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
    var label: Strings.Key { get }
}

extension Vocabulary {
    /// (value, label, selected) for form controls.
    static func options(_ t: Strings, selected: Set<Self>) -> [(String, String, Bool)] {
        allCases.map { ($0.rawValue, t[$0.label], selected.contains($0)) }
    }
}

public enum PledgeStatus: String, Vocabulary {
    case planning, inProgress = "in_progress", fulfilled, withdrawn
    var label: Strings.Key {
        switch self {
        case .planning: .statusPlanning
        case .inProgress: .statusInProgress
        case .fulfilled: .statusFulfilled
        case .withdrawn: .statusWithdrawn
        }
    }
}

public enum Stage: String, Vocabulary, Comparable {
    case commitment, implementation, evaluation
    var label: Strings.Key {
        switch self {
        case .commitment: .stageCommitment
        case .implementation: .stageImplementation
        case .evaluation: .stageEvaluation
        }
    }
    public static func < (a: Stage, b: Stage) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

public enum MilestoneStatus: String, Vocabulary {
    case notStarted = "not_started", onTrack = "on_track", atRisk = "at_risk", delayed, done, dropped
    var label: Strings.Key {
        switch self {
        case .notStarted: .msNotStarted
        case .onTrack: .msOnTrack
        case .atRisk: .msAtRisk
        case .delayed: .msDelayed
        case .done: .msDone
        case .dropped: .msDropped
        }
    }
    var isOpen: Bool { self != .done && self != .dropped }
}

public enum PledgeKind: String, Vocabulary {
    case policy, financial, technical, material
    var label: Strings.Key {
        switch self {
        case .policy: .kindPolicy
        case .financial: .kindFinancial
        case .technical: .kindTechnical
        case .material: .kindMaterial
        }
    }
}

public enum Visibility: String, Vocabulary {
    case `public`, restricted
    var label: Strings.Key { self == .public ? .visibilityPublic : .visibilityRestricted }
}

public enum EntityKind: String, Vocabulary {
    case state, unAgency = "un_agency", internationalOrganisation = "international_organisation", civilSociety = "civil_society"
    case refugeeLed = "refugee_led", survivorLed = "survivor_led", localAuthority = "local_authority"
    case privateSector = "private_sector", academia
    var label: Strings.Key {
        switch self {
        case .state: .entityState
        case .unAgency: .entityUNAgency
        case .internationalOrganisation: .entityInternational
        case .civilSociety: .entityCivilSociety
        case .refugeeLed: .entityRefugeeLed
        case .survivorLed: .entitySurvivorLed
        case .localAuthority: .entityLocalAuthority
        case .privateSector: .entityPrivateSector
        case .academia: .entityAcademia
        }
    }
}

public enum ValidationState: String, Vocabulary {
    case pending, validated, sentBack = "sent_back"
    var label: Strings.Key {
        switch self {
        case .pending: .validationPending
        case .validated: .validationValidated
        case .sentBack: .validationSentBack
        }
    }
}
