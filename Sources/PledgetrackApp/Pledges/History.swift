import Database

/// Writes the history of pledges and milestones (`change_event`), in the same transaction as
/// the change itself.
enum History {
    static func record(
        pledgeID: Int, milestoneID: Int?, action: String, actorID: Int?, why: String,
        changes: [PledgeQueries.FieldChange], on connection: Connection
    ) throws {
        try connection.execute(
            insert(pledgeID: pledgeID, milestoneID: milestoneID, action: action, actorID: actorID, why: why, changes: changes))
    }

    /// The history's `INSERT`, once, or once for each row of `source` (a CTE of a larger
    /// statement, so the change and its history go in one round trip).
    static func insert(
        pledgeID: Int, milestoneID: Int?, action: String, actorID: Int?, why: String, changes: [PledgeQueries.FieldChange],
        for source: SQL? = nil
    ) -> SQL {
        """
        INSERT INTO change_event (actor_id, pledge_id, milestone_id, action, why, changes)
        SELECT \(actorID), \(pledgeID), \(milestoneID), \(action), \(String(why.prefix(2000))), \(PostgresJSON(changes))::jsonb
        \(source.map { "FROM \($0)" as SQL } ?? "")
        """
    }
}
