import Database

/// Writes the history of pledges and milestones (`change_event`), in the same transaction as
/// the change itself.
enum History {
    static func record(
        pledgeID: Int, milestoneID: Int?, action: String, actorID: Int?, why: String,
        changes: [PledgeQueries.FieldChange], on connection: Connection
    ) throws {
        try connection.execute(
            """
            INSERT INTO change_event (actor_id, pledge_id, milestone_id, action, why, changes)
            VALUES (\(actorID), \(pledgeID), \(milestoneID), \(action), \(String(why.prefix(2000))), \(PostgresJSON(changes))::jsonb)
            """)
    }
}
