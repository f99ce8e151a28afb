-- Writers no longer update the kept dashboard cells (0017) themselves: each commit appends
-- its changes to dashboard_delta, and one folder (DashboardRollService, every second) adds
-- them to the cells. Every milestone update changes the 'all' cells and its country's, so
-- when writers updated the cells every writer queued on the same few rows, each holding them
-- until its commit was on disk: 32 writers managed some 200 updates a second, whatever the
-- machine. Appended rows lock nothing another writer needs.
--
-- Readers read dashboard_cell_now: the cells plus the changes not folded yet, summed in one
-- statement, so a reader sees every committed change once, before or after its fold (the
-- fold deletes the changes and adds them to the cells in one transaction).

-- The changes of committed writes, until folded: one row per cell a commit changed, with the
-- amounts to add. No key: two commits may change the same cell.
CREATE TABLE dashboard_delta (LIKE dashboard_cell);
CREATE INDEX dashboard_delta_key_idx ON dashboard_delta (audience, dim, k1, k2);
CREATE INDEX dashboard_delta_second_key_idx ON dashboard_delta (audience, dim, k2);

-- What the dashboards read: each cell with the changes not folded into it yet. Conditions on
-- audience, dim and the keys reach both tables' indexes.
CREATE VIEW dashboard_cell_now AS
SELECT audience, dim, k1, k2, sum(pledges)::int AS pledges, sum(planning)::int AS planning,
       sum(in_progress)::int AS in_progress, sum(fulfilled)::int AS fulfilled, sum(withdrawn)::int AS withdrawn,
       sum(stale)::int AS stale, sum(with_overdue)::int AS with_overdue, sum(milestones)::int AS milestones,
       sum(done)::int AS done, sum(overdue)::int AS overdue, sum(commitment_total)::int AS commitment_total,
       sum(commitment_done)::int AS commitment_done, sum(implementation_total)::int AS implementation_total,
       sum(implementation_done)::int AS implementation_done, sum(evaluation_total)::int AS evaluation_total,
       sum(evaluation_done)::int AS evaluation_done
FROM (SELECT * FROM dashboard_cell UNION ALL SELECT * FROM dashboard_delta) c
GROUP BY audience, dim, k1, k2;

-- A recount starts from nothing: the changes not folded are in what it counts.
CREATE OR REPLACE FUNCTION dashboard_recount() RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    d date;
BEGIN
    PERFORM pg_advisory_xact_lock(dashboard_lock_key());
    SELECT day INTO d FROM dashboard_day;
    DELETE FROM dashboard_pledge;
    DELETE FROM dashboard_delta;
    DELETE FROM dashboard_cell;
    INSERT INTO dashboard_pledge SELECT * FROM dashboard_pledge_rows(d);
    INSERT INTO dashboard_cell
    SELECT c.audience, c.dim, c.k1, c.k2, sum(c.pledges), sum(c.planning), sum(c.in_progress), sum(c.fulfilled),
           sum(c.withdrawn), sum(c.stale), sum(c.with_overdue), sum(c.milestones), sum(c.done), sum(c.overdue),
           sum(c.commitment_total), sum(c.commitment_done), sum(c.implementation_total), sum(c.implementation_done),
           sum(c.evaluation_total), sum(c.evaluation_done)
    FROM dashboard_pledge v CROSS JOIN LATERAL dashboard_cells_of(v, 1) c
    GROUP BY 1, 2, 3, 4;
END $$;

-- As in 0017 (the pledges locked in id order, each one's memo subtracted and its recount
-- added and kept), but the changed cells are appended to dashboard_delta, not updated.
CREATE OR REPLACE FUNCTION dashboard_apply(ids bigint[]) RETURNS void
LANGUAGE plpgsql SET jit = off SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    d date;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(dashboard_lock_key());
    PERFORM pg_advisory_xact_lock(1917, (s.id % 2147483647)::int)
    FROM (SELECT DISTINCT unnest(ids) AS id) s ORDER BY s.id;
    SELECT day INTO d FROM dashboard_day;
    WITH new AS MATERIALIZED (SELECT n FROM dashboard_pledge_now(ids, d) n),
         old AS MATERIALIZED (SELECT o FROM dashboard_pledge o WHERE o.pledge_id = ANY (ids)),
         gone AS (DELETE FROM dashboard_pledge o WHERE o.pledge_id = ANY (ids)
                  AND NOT EXISTS (SELECT 1 FROM new WHERE (new.n).pledge_id = o.pledge_id)),
         kept AS (INSERT INTO dashboard_pledge SELECT (new.n).* FROM new
                  ON CONFLICT (pledge_id) DO UPDATE SET
                      public = EXCLUDED.public, owner_entity_id = EXCLUDED.owner_entity_id, countries = EXCLUDED.countries,
                      measures = EXCLUDED.measures, targets = EXCLUDED.targets, actions = EXCLUDED.actions,
                      status = EXCLUDED.status, stale = EXCLUDED.stale, overdue = EXCLUDED.overdue,
                      commitment_total = EXCLUDED.commitment_total, commitment_done = EXCLUDED.commitment_done,
                      implementation_total = EXCLUDED.implementation_total, implementation_done = EXCLUDED.implementation_done,
                      evaluation_total = EXCLUDED.evaluation_total, evaluation_done = EXCLUDED.evaluation_done,
                      ms_stages = EXCLUDED.ms_stages, ms_statuses = EXCLUDED.ms_statuses, ms_counts = EXCLUDED.ms_counts,
                      done_days = EXCLUDED.done_days, done_counts = EXCLUDED.done_counts),
         delta AS (
             SELECT c.audience, c.dim, c.k1, c.k2, sum(c.pledges) AS pledges, sum(c.planning) AS planning,
                    sum(c.in_progress) AS in_progress, sum(c.fulfilled) AS fulfilled, sum(c.withdrawn) AS withdrawn,
                    sum(c.stale) AS stale, sum(c.with_overdue) AS with_overdue, sum(c.milestones) AS milestones,
                    sum(c.done) AS done, sum(c.overdue) AS overdue, sum(c.commitment_total) AS commitment_total,
                    sum(c.commitment_done) AS commitment_done, sum(c.implementation_total) AS implementation_total,
                    sum(c.implementation_done) AS implementation_done, sum(c.evaluation_total) AS evaluation_total,
                    sum(c.evaluation_done) AS evaluation_done
             FROM (SELECT x.* FROM old CROSS JOIN LATERAL dashboard_cells_of(old.o, -1) x
                   UNION ALL
                   SELECT x.* FROM new CROSS JOIN LATERAL dashboard_cells_of(new.n, 1) x) c
             GROUP BY 1, 2, 3, 4)
    -- A pledge whose figures did not change (a title edited) cancels out: nothing is appended.
    INSERT INTO dashboard_delta
    SELECT * FROM delta
    WHERE (pledges, planning, in_progress, fulfilled, withdrawn, stale, with_overdue, milestones, done, overdue,
           commitment_total, commitment_done, implementation_total, implementation_done, evaluation_total, evaluation_done)
          IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
END $$;

-- Adds the committed changes to the cells and deletes them, in one transaction; how many
-- cells it changed. One folder at a time (the others return 0 at once); the changes it
-- cannot see yet (their writers have not committed) stay for the next fold. The cells are
-- locked in key order and only by the folder, so a fold waits for no writer.
CREATE FUNCTION dashboard_fold() RETURNS integer
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    changed integer;
BEGIN
    IF NOT pg_try_advisory_xact_lock(dashboard_lock_key() + 1) THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock_shared(dashboard_lock_key());  -- not during a recount
    WITH moved AS (DELETE FROM dashboard_delta RETURNING *)
    INSERT INTO dashboard_cell AS cell
    SELECT audience, dim, k1, k2, sum(pledges), sum(planning), sum(in_progress), sum(fulfilled), sum(withdrawn),
           sum(stale), sum(with_overdue), sum(milestones), sum(done), sum(overdue), sum(commitment_total),
           sum(commitment_done), sum(implementation_total), sum(implementation_done), sum(evaluation_total),
           sum(evaluation_done)
    FROM moved
    GROUP BY audience, dim, k1, k2
    ORDER BY audience, dim, k1, k2
    ON CONFLICT (audience, dim, k1, k2) DO UPDATE SET
        pledges = cell.pledges + EXCLUDED.pledges, planning = cell.planning + EXCLUDED.planning,
        in_progress = cell.in_progress + EXCLUDED.in_progress, fulfilled = cell.fulfilled + EXCLUDED.fulfilled,
        withdrawn = cell.withdrawn + EXCLUDED.withdrawn, stale = cell.stale + EXCLUDED.stale,
        with_overdue = cell.with_overdue + EXCLUDED.with_overdue, milestones = cell.milestones + EXCLUDED.milestones,
        done = cell.done + EXCLUDED.done, overdue = cell.overdue + EXCLUDED.overdue,
        commitment_total = cell.commitment_total + EXCLUDED.commitment_total,
        commitment_done = cell.commitment_done + EXCLUDED.commitment_done,
        implementation_total = cell.implementation_total + EXCLUDED.implementation_total,
        implementation_done = cell.implementation_done + EXCLUDED.implementation_done,
        evaluation_total = cell.evaluation_total + EXCLUDED.evaluation_total,
        evaluation_done = cell.evaluation_done + EXCLUDED.evaluation_done;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END $$;
