import Database

/// Who may see and change a pledge: the object-level rules.
enum PledgeAccess {
    /// Staff see restricted pledges; visitors and panel members see public ones only.
    static func seesRestricted(_ user: SignedInUser?) -> Bool {
        guard let user else { return false }
        return !user.roles.isDisjoint(with: [.admin, .secretariat, .focalPoint, .panelFacilitator])
    }

    /// The SQL condition on `p` (a pledge) for what this reader may see.
    static func visible(seesRestricted: Bool) -> SQL {
        seesRestricted ? "true" : "p.visibility = 'public'"
    }

    /// The secretariat edits every pledge; a focal point those of entities they belong to,
    /// as owner or co-owner.
    static func canEdit(_ user: SignedInUser?, owner: Int, coOwners: Set<Int>) -> Bool {
        guard let user else { return false }
        if user.has(.secretariat) { return true }
        return user.has(.focalPoint) && !user.entityIDs.isDisjoint(with: coOwners.union([owner]))
    }

    /// Who owns a pledge is changed by the secretariat and the owner entity's focal points
    /// only: a co-owner cannot make itself the owner, drop the owner, or add others.
    static func canChangeOwnership(_ user: SignedInUser?, owner: Int) -> Bool {
        guard let user else { return false }
        return user.has(.secretariat) || (user.has(.focalPoint) && user.entityIDs.contains(owner))
    }

    /// The ids of the pledges of `reader`'s entities, as owner or co-owner, as a subquery: two
    /// index lookups, so a condition built on it never scans every pledge.
    static func ownedPledgeIDs(_ reader: Int?) -> SQL {
        """
        (SELECT id FROM pledge WHERE owner_entity_id IN (SELECT entity_id FROM entity_member WHERE user_id = \(reader))
         UNION SELECT o.pledge_id FROM pledge_co_owner o JOIN entity_member em ON em.entity_id = o.entity_id
               WHERE em.user_id = \(reader))
        """
    }

    /// The SQL condition on `p` for the pledges of `reader`'s entities, as owner or co-owner
    /// (nothing when there is no reader).
    static func ownedBy(_ reader: Int?) -> SQL {
        guard reader != nil else { return "false" }
        return "p.id IN \(ownedPledgeIDs(reader))"
    }
}
