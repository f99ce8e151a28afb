import Database

/// Every change to pledges and milestones. Each write records its history (what changed, old
/// and new, why) and its audit event itself, in the caller's transaction, so the data, the
/// history and the audit log never disagree.
enum PledgeWrites {
    /// Who writes and why: the actor, the request, and the reason typed on the form.
    struct Author: Sendable {
        let actor: SignedInUser?
        let origin: RequestOrigin
        let why: String
    }

    // MARK: Pledges

    static func createPledge(
        _ valid: PledgeForm.Valid, changes: [PledgeQueries.FieldChange], by author: Author, on connection: Connection
    ) throws
        -> Int
    {
        let id = try connection.queryValue(
            """
            INSERT INTO pledge (owner_entity_id, title, description, grf_id, kind, start_date, target_date, visibility)
            VALUES (\(valid.owner), \(valid.title), \(valid.description), \(valid.grfID), \(valid.kind.rawValue),
                    \(valid.startDate), \(valid.targetDate), \(valid.visibility.rawValue))
            RETURNING id
            """, as: Int.self)
        try saveLists(valid, pledgeID: id, on: connection)
        try record("pledge.created", pledgeID: id, milestoneID: nil, changes: changes, by: author, on: connection)
        return id
    }

    /// Saves the form over the pledge if nobody saved since `version` was read; false otherwise.
    static func updatePledge(
        _ id: Int, version: Int, _ valid: PledgeForm.Valid, changes: [PledgeQueries.FieldChange], by author: Author,
        on connection: Connection
    ) throws -> Bool {
        let updated = try connection.execute(
            """
            UPDATE pledge SET owner_entity_id = \(valid.owner), title = \(valid.title), description = \(valid.description),
                   grf_id = \(valid.grfID), kind = \(valid.kind.rawValue), start_date = \(valid.startDate),
                   target_date = \(valid.targetDate), visibility = \(valid.visibility.rawValue),
                   version = version + 1, last_activity_at = now()
            WHERE id = \(id) AND version = \(version)
            """)
        guard updated == 1 else { return false }
        try saveLists(valid, pledgeID: id, on: connection)
        try record("pledge.updated", pledgeID: id, milestoneID: nil, changes: changes, by: author, on: connection)
        return true
    }

    static func withdrawPledge(_ id: Int, change: PledgeQueries.FieldChange, by author: Author, on connection: Connection) throws {
        try connection.execute(
            """
            UPDATE pledge SET withdrawn_at = now(), withdrawn_reason = \(author.why), version = version + 1, last_activity_at = now()
            WHERE id = \(id) AND withdrawn_at IS NULL
            """)
        try record("pledge.withdrawn", pledgeID: id, milestoneID: nil, changes: [change], by: author, on: connection)
    }

    /// The pledge's lists (co-owners, countries, measures, targets, actions), replacing old ones.
    static func saveLists(_ valid: PledgeForm.Valid, pledgeID id: Int, on connection: Connection) throws {
        for table: SQL in ["pledge_co_owner", "pledge_country", "pledge_measure", "pledge_sdg_target", "pledge_gcm_action"] {
            try connection.execute("DELETE FROM \(table) WHERE pledge_id = \(id)")
        }
        try connection.execute("INSERT INTO pledge_co_owner (pledge_id, entity_id) SELECT \(id), unnest(\(valid.coOwners)::bigint[])")
        try connection.execute("INSERT INTO pledge_country (pledge_id, country_iso3) SELECT \(id), unnest(\(valid.countries)::text[])")
        try connection.execute("INSERT INTO pledge_measure (pledge_id, measure_number) SELECT \(id), unnest(\(valid.measures)::int[])")
        try connection.execute("INSERT INTO pledge_sdg_target (pledge_id, target_code) SELECT \(id), unnest(\(valid.targets)::text[])")
        try connection.execute("INSERT INTO pledge_gcm_action (pledge_id, action_letter) SELECT \(id), unnest(\(valid.actions)::text[])")
    }

    // MARK: Milestones

    /// A new milestone at the end of its stage.
    static func createMilestone(
        pledgeID: Int, _ valid: MilestoneForm.Valid, validation: ValidationState?, changes: [PledgeQueries.FieldChange],
        by author: Author, on connection: Connection
    ) throws -> Int {
        let id = try connection.queryValue(
            """
            INSERT INTO milestone (pledge_id, stage, position, title, due_date, status, percent_complete, completed_on, notes, validation)
            SELECT \(pledgeID), \(valid.stage.rawValue), COALESCE(max(position), 0) + 1, \(valid.title), \(valid.dueDate),
                   \(valid.status.rawValue), \(valid.percent), \(valid.completedOn), \(valid.notes), \(validation?.rawValue)
            FROM milestone WHERE pledge_id = \(pledgeID) AND stage = \(valid.stage.rawValue)
            RETURNING id
            """, as: Int.self)
        try replaceEvidence(id, valid.evidence, on: connection)
        try record("milestone.created", pledgeID: pledgeID, milestoneID: id, changes: changes, by: author, on: connection)
        return id
    }

    /// Saves the form over the milestone if nobody saved since `version` was read; false otherwise.
    /// A milestone moved to another stage goes to that stage's end. The change, its history
    /// and its audit go in one statement (one round trip, atomic without BEGIN and COMMIT); the
    /// links of evidence are rewritten, in the same transaction, only when they changed.
    static func updateMilestone(
        _ id: Int, pledgeID: Int, version: Int, _ valid: MilestoneForm.Valid, validation: ValidationState?,
        changes: [PledgeQueries.FieldChange], evidenceChanged: Bool, by author: Author, on connection: Connection
    ) throws -> Bool {
        let write = {
            try connection.queryValue(
                """
                WITH updated AS (
                    UPDATE milestone SET stage = \(valid.stage.rawValue), title = \(valid.title), due_date = \(valid.dueDate),
                           status = \(valid.status.rawValue), percent_complete = \(valid.percent), completed_on = \(valid.completedOn),
                           notes = \(valid.notes), validation = \(validation?.rawValue),
                           validation_reason = CASE WHEN \(valid.status.rawValue) = 'done' THEN validation_reason END,
                           position = CASE WHEN stage = \(valid.stage.rawValue) THEN position
                                           ELSE (SELECT COALESCE(max(position), 0) + 1 FROM milestone
                                                 WHERE pledge_id = \(pledgeID) AND stage = \(valid.stage.rawValue)) END,
                           version = version + 1, updated_at = now()
                    WHERE id = \(id) AND version = \(version)
                    RETURNING id
                ), history AS (
                    \(History.insert(
                        pledgeID: pledgeID, milestoneID: id, action: "milestone.updated", actorID: author.actor?.id, why: author.why,
                        changes: changes, for: "updated"))
                ), audit AS (
                    \(Audit.insert(
                        AuditEvent("milestone.updated", actorID: author.actor?.id, targetType: "milestone", targetID: String(id)),
                        author.origin, for: "updated"))
                )
                SELECT count(*)::int FROM updated
                """, as: Int.self) == 1
        }
        guard evidenceChanged else { return try write() }
        return try connection.transaction { _ in
            guard try write() else { return false }
            try replaceEvidence(id, valid.evidence, on: connection)
            return true
        }
    }

    /// Swaps a milestone with its neighbour in its stage (up or down); nothing when it is at that end.
    static func moveMilestone(
        _ milestone: PledgeQueries.Milestone, pledgeID: Int, up: Bool, by author: Author, on connection: Connection
    ) throws {
        let neighbour = try connection.queryFirst(
            """
            SELECT id, position FROM milestone
            WHERE pledge_id = \(pledgeID) AND stage = \(milestone.stage.rawValue)
              AND CASE WHEN \(up) THEN position < \(milestone.position) ELSE position > \(milestone.position) END
            ORDER BY CASE WHEN \(up) THEN -position ELSE position END
            LIMIT 1
            """
        ) { row in (try row.decode(0, as: Int.self), try row.decode(1, as: Int.self)) }
        guard let (otherID, otherPosition) = neighbour else { return }
        try connection.execute("UPDATE milestone SET position = \(otherPosition), version = version + 1 WHERE id = \(milestone.id)")
        try connection.execute("UPDATE milestone SET position = \(milestone.position), version = version + 1 WHERE id = \(otherID)")
        try Audit.record(
            AuditEvent(
                "milestone.moved", actorID: author.actor?.id, targetType: "milestone", targetID: String(milestone.id),
                detail: ["direction": up ? "up" : "down"]), author.origin, on: connection)
    }

    /// The secretariat's decision on an evaluation milestone (validated, or sent back with the reason).
    static func setValidation(
        _ milestoneID: Int, pledgeID: Int, _ decision: ValidationState, change: PledgeQueries.FieldChange, by author: Author,
        on connection: Connection
    ) throws {
        try connection.execute(
            """
            UPDATE milestone SET validation = \(decision.rawValue), validation_reason = \(decision == .sentBack ? author.why : nil),
                   version = version + 1, updated_at = now()
            WHERE id = \(milestoneID)
            """)
        try record(
            "milestone.\(decision.rawValue)", pledgeID: pledgeID, milestoneID: milestoneID, changes: [change], by: author, on: connection)
    }

    private static func replaceEvidence(_ milestoneID: Int, _ evidence: [PledgeQueries.Evidence], on connection: Connection) throws {
        try connection.execute("DELETE FROM milestone_evidence WHERE milestone_id = \(milestoneID)")
        try connection.execute(
            """
            INSERT INTO milestone_evidence (milestone_id, position, title, url)
            SELECT \(milestoneID), ordinality, title, url
            FROM unnest(\(evidence.map(\.title))::text[], \(evidence.map(\.url))::text[]) WITH ORDINALITY AS e(title, url, ordinality)
            """)
    }

    /// The language a pledge was written in and its translations, replaced as a whole: a
    /// language left empty loses its translation. `changes` names what differs, for the history.
    static func saveTranslations(
        pledgeID id: Int, _ valid: TranslationForm.Valid, milestoneIDs: [Int], changes: [PledgeQueries.FieldChange], by author: Author,
        on connection: Connection
    ) throws {
        try connection.execute("UPDATE pledge SET language = \(valid.original.rawValue) WHERE id = \(id)")
        for (language, entry) in valid.entries {
            let code = language.rawValue
            if let entry {
                try connection.execute(
                    """
                    INSERT INTO pledge_translation (pledge_id, language, title, description, updated_by)
                    VALUES (\(id), \(code), \(entry.title), \(entry.description), \(author.actor?.id))
                    ON CONFLICT (pledge_id, language) DO UPDATE
                    SET title = excluded.title, description = excluded.description, updated_at = now(), updated_by = excluded.updated_by
                    WHERE (pledge_translation.title, pledge_translation.description) IS DISTINCT FROM (excluded.title, excluded.description)
                    """)
            } else {
                try connection.execute("DELETE FROM pledge_translation WHERE pledge_id = \(id) AND language = \(code)")
            }
            let titled = milestoneIDs.filter { !(entry?.milestones[$0] ?? "").isEmpty }
            try connection.execute(
                """
                DELETE FROM milestone_translation
                WHERE language = \(code) AND milestone_id IN (SELECT m.id FROM milestone m WHERE m.pledge_id = \(id))
                  AND NOT (milestone_id = ANY(\(titled)))
                """)
            if let entry, !titled.isEmpty {
                try connection.execute(
                    """
                    INSERT INTO milestone_translation (milestone_id, language, title)
                    SELECT t.id, \(code), t.title
                    FROM unnest(\(titled)::bigint[], \(titled.map { entry.milestones[$0] ?? "" })::text[]) AS t(id, title)
                    JOIN milestone m ON m.id = t.id AND m.pledge_id = \(id)
                    ON CONFLICT (milestone_id, language) DO UPDATE SET title = excluded.title
                    WHERE milestone_translation.title IS DISTINCT FROM excluded.title
                    """)
            }
        }
        // Translating is activity on the pledge, but not a new version: nobody's edit form conflicts with it.
        if !changes.isEmpty {
            try connection.execute("UPDATE pledge SET last_activity_at = now() WHERE id = \(id)")
            try record("pledge.translated", pledgeID: id, milestoneID: nil, changes: changes, by: author, on: connection)
        }
    }

    /// The history entry and the audit event of one change.
    private static func record(
        _ action: String, pledgeID: Int, milestoneID: Int?, changes: [PledgeQueries.FieldChange], by author: Author,
        on connection: Connection
    ) throws {
        try History.record(
            pledgeID: pledgeID, milestoneID: milestoneID, action: action, actorID: author.actor?.id, why: author.why, changes: changes,
            on: connection)
        let target = milestoneID.map { ("milestone", String($0)) } ?? ("pledge", String(pledgeID))
        try Audit.record(
            AuditEvent(action, actorID: author.actor?.id, targetType: target.0, targetID: target.1), author.origin, on: connection)
    }
}
