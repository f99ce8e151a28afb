-- Kept dashboard aggregates (issue 19, "fast while people write"). Every dashboard rebuild
-- after a write used to sum all 10,000 pledges (the State × measure matrix: ~60 ms of SQL on
-- the large data set); the figures the unfiltered dashboards show are now kept in cells, one
-- per audience and key, and a page reads only the cells it shows. DashboardQueries reads
-- them when the moment is now, the day is rolled and the filter is one the cells hold, and
-- otherwise the base tables, which stay the reference: both give the same figures
-- (Tests/AppTests/Dashboards/DashboardAggregateTests.swift recounts and compares).
--
-- How a write reaches the cells:
--   1. statement-level triggers on pledge and its country, measure, target and action rows
--      write the ids of the pledges they touched to dashboard_pending (milestones reach it
--      through the pledge row that the milestone triggers of 0006/0009 always update);
--   2. at commit, one deferred constraint trigger (queued once per transaction, by the
--      marker row 0) takes them all and calls dashboard_apply: it recounts those pledges
--      from the base tables, subtracts what each had contributed (its memo in
--      dashboard_pledge) and adds the new figures, in one statement that locks the cells in
--      key order. Hot cells (the 'all' cell, big countries) are so held only while a writer
--      commits, and two writers lock them in the same order, so they cannot deadlock.

-- The day the time-dependent figures (overdue, stale) are counted against. Until
-- dashboard_roll() has moved it to today the cells are not read (the base tables are).
CREATE TABLE dashboard_day (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    day      date NOT NULL
);

-- The kept figures. audience: 'public' counts public pledges, 'staff' every pledge (the rule
-- of PledgeAccess.visible). dim and its keys (k2 is '' unless two keys are needed):
--   all ('')            country (iso3)         measure (number)     target (code)
--   action (letter)     matrix (iso3, number)  target_measure (code, number)
--   target_country (code, iso3: a target's page by country, and a country's by target)
--   entity (owner entity id; the headline counts
--   the entity and country cells with pledges) stage_status (stage, milestone status: the
--   overview's milestones chart, in `milestones`) completed (the day, YYYY-MM-DD, a done
--   milestone was completed on, in `milestones`).
-- The figures are a Tally's (Tally.swift), per pledge as DashboardQueries.breakdown counts
-- them; a withdrawn pledge's milestones count as none. Cells whose pledges fall to 0 stay
-- (they are read with pledges > 0), so a cell is never deleted while writers add to it.
CREATE TABLE dashboard_cell (
    audience             text NOT NULL CHECK (audience IN ('public', 'staff')),
    dim                  text NOT NULL,
    k1                   text NOT NULL,
    k2                   text NOT NULL DEFAULT '',
    pledges              integer NOT NULL DEFAULT 0,
    planning             integer NOT NULL DEFAULT 0,
    in_progress          integer NOT NULL DEFAULT 0,
    fulfilled            integer NOT NULL DEFAULT 0,
    withdrawn            integer NOT NULL DEFAULT 0,
    stale                integer NOT NULL DEFAULT 0,
    with_overdue         integer NOT NULL DEFAULT 0,
    milestones           integer NOT NULL DEFAULT 0,
    done                 integer NOT NULL DEFAULT 0,
    overdue              integer NOT NULL DEFAULT 0,
    commitment_total     integer NOT NULL DEFAULT 0,
    commitment_done      integer NOT NULL DEFAULT 0,
    implementation_total integer NOT NULL DEFAULT 0,
    implementation_done  integer NOT NULL DEFAULT 0,
    evaluation_total     integer NOT NULL DEFAULT 0,
    evaluation_done      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (audience, dim, k1, k2)
);
-- A measure's page reads the matrix cells of one measure (its breakdown by country), a
-- country's page the target_country cells of one country: by the second key.
CREATE INDEX dashboard_cell_second_key_idx ON dashboard_cell (audience, dim, k2);

-- What each pledge contributes, as it stood when last applied: what a change subtracts
-- before it adds the pledge's new figures. The keys are kept (not only the figures) because
-- a pledge moved to another country must be taken out of the old one. No foreign key: the
-- memo of a deleted pledge stays until its deletion is applied at commit.
CREATE TABLE dashboard_pledge (
    pledge_id            bigint PRIMARY KEY,
    public               boolean NOT NULL,
    owner_entity_id      bigint NOT NULL,
    countries            text[] NOT NULL,
    measures             text[] NOT NULL,
    targets              text[] NOT NULL,
    actions              text[] NOT NULL,
    status               text NOT NULL,
    stale                boolean NOT NULL,
    overdue              integer NOT NULL,
    commitment_total     integer NOT NULL,
    commitment_done      integer NOT NULL,
    implementation_total integer NOT NULL,
    implementation_done  integer NOT NULL,
    evaluation_total     integer NOT NULL,
    evaluation_done      integer NOT NULL,
    -- Milestones by stage and status (dropped included), parallel arrays.
    ms_stages            text[] NOT NULL,
    ms_statuses          text[] NOT NULL,
    ms_counts            integer[] NOT NULL,
    -- Done milestones by completion day, parallel arrays.
    done_days            date[] NOT NULL,
    done_counts          integer[] NOT NULL
);

-- The pledges a transaction touched, until it commits (then dashboard_apply_pending takes
-- them). Unlogged: a row never outlives its transaction. pledge_id 0 is the transaction's
-- marker (it queues the one deferred trigger), -1 asks for a full recount (after TRUNCATE).
CREATE UNLOGGED TABLE dashboard_pending (
    xid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
    pledge_id bigint NOT NULL,
    PRIMARY KEY (xid, pledge_id)
);

-- Every pledge's memo row recounted from the base tables against day d, exactly as
-- DashboardQueries.breakdown counts: overdue = the open
-- due dates up to the day before; stale = open (not fulfilled, not withdrawn) with no
-- activity for 180 days (PledgeFilter.staleDays) before the start of the day; a withdrawn
-- pledge's milestones count as none.
CREATE FUNCTION dashboard_pledge_rows(d date) RETURNS SETOF dashboard_pledge
LANGUAGE sql STABLE AS $$
    SELECT p.id, p.visibility = 'public', p.owner_entity_id,
           ARRAY(SELECT x.country_iso3::text FROM pledge_country x WHERE x.pledge_id = p.id),
           ARRAY(SELECT x.measure_number::text FROM pledge_measure x WHERE x.pledge_id = p.id),
           ARRAY(SELECT x.target_code FROM pledge_sdg_target x WHERE x.pledge_id = p.id),
           ARRAY(SELECT x.action_letter::text FROM pledge_gcm_action x WHERE x.pledge_id = p.id),
           p.status,
           p.status NOT IN ('fulfilled', 'withdrawn') AND p.last_activity_at < d::timestamptz - make_interval(days => 180),
           CASE WHEN w.counted THEN width_bucket(d - 1, p.open_due_dates) ELSE 0 END,
           CASE WHEN w.counted THEN p.commitment_total ELSE 0 END,
           CASE WHEN w.counted THEN p.commitment_done ELSE 0 END,
           CASE WHEN w.counted THEN p.implementation_total ELSE 0 END,
           CASE WHEN w.counted THEN p.implementation_done ELSE 0 END,
           CASE WHEN w.counted THEN p.evaluation_total ELSE 0 END,
           CASE WHEN w.counted THEN p.evaluation_done ELSE 0 END,
           COALESCE(ms.stages, '{}'), COALESCE(ms.statuses, '{}'), COALESCE(ms.counts, '{}'),
           COALESCE(cd.days, '{}'), COALESCE(cd.counts, '{}')
    FROM pledge p
    CROSS JOIN LATERAL (SELECT p.status <> 'withdrawn' AS counted) w
    CROSS JOIN LATERAL (
        SELECT array_agg(g.stage) AS stages, array_agg(g.status) AS statuses, array_agg(g.n) AS counts
        FROM (SELECT m.stage, m.status, count(*)::int AS n FROM milestone m
              WHERE m.pledge_id = p.id AND w.counted GROUP BY 1, 2) g) ms
    CROSS JOIN LATERAL (
        SELECT array_agg(g.day) AS days, array_agg(g.n) AS counts
        FROM (SELECT m.completed_on AS day, count(*)::int AS n FROM milestone m
              WHERE m.pledge_id = p.id AND w.counted AND m.status = 'done' GROUP BY 1) g) cd
$$;

-- The memo rows of some pledges: the condition reaches the pledge scan once the functions are
-- inlined, so a writer's commit reads its own pledges by key (not `ids IS NULL OR …`, which
-- made the cached plan scan all 10,000 pledges for one).
CREATE FUNCTION dashboard_pledge_now(ids bigint[], d date) RETURNS SETOF dashboard_pledge
LANGUAGE sql STABLE AS $$
    SELECT * FROM dashboard_pledge_rows(d) r WHERE r.pledge_id = ANY (ids)
$$;

-- The cells one memo row adds to (sign 1) or takes from (sign -1), with the amounts: the
-- pledge's tally in each of its keys for both audiences (staff only when restricted), and
-- its milestones in the stage_status and completed cells.
CREATE FUNCTION dashboard_cells_of(v dashboard_pledge, sign integer)
RETURNS TABLE (audience text, dim text, k1 text, k2 text,
               pledges integer, planning integer, in_progress integer, fulfilled integer, withdrawn integer,
               stale integer, with_overdue integer, milestones integer, done integer, overdue integer,
               commitment_total integer, commitment_done integer, implementation_total integer,
               implementation_done integer, evaluation_total integer, evaluation_done integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT a.audience, k.dim, k.k1, k.k2,
           sign, sign * (v.status = 'planning')::int, sign * (v.status = 'in_progress')::int,
           sign * (v.status = 'fulfilled')::int, sign * (v.status = 'withdrawn')::int,
           sign * v.stale::int, sign * (v.overdue > 0)::int,
           sign * (v.commitment_total + v.implementation_total + v.evaluation_total),
           sign * (v.commitment_done + v.implementation_done + v.evaluation_done),
           sign * v.overdue,
           sign * v.commitment_total, sign * v.commitment_done, sign * v.implementation_total,
           sign * v.implementation_done, sign * v.evaluation_total, sign * v.evaluation_done
    FROM (VALUES ('staff'), ('public')) a (audience)
    CROSS JOIN (
        SELECT 'all', '', ''
        UNION ALL SELECT 'entity', v.owner_entity_id::text, ''
        UNION ALL SELECT 'country', c, '' FROM unnest(v.countries) c
        UNION ALL SELECT 'measure', m, '' FROM unnest(v.measures) m
        UNION ALL SELECT 'target', t, '' FROM unnest(v.targets) t
        UNION ALL SELECT 'action', x, '' FROM unnest(v.actions) x
        UNION ALL SELECT 'matrix', c, m FROM unnest(v.countries) c CROSS JOIN unnest(v.measures) m
        UNION ALL SELECT 'target_measure', t, m FROM unnest(v.targets) t CROSS JOIN unnest(v.measures) m
        UNION ALL SELECT 'target_country', t, c FROM unnest(v.targets) t CROSS JOIN unnest(v.countries) c
    ) k (dim, k1, k2)
    WHERE a.audience = 'staff' OR v.public
    UNION ALL
    SELECT a.audience, 'stage_status', s.stage, s.status, 0, 0, 0, 0, 0, 0, 0, sign * s.n, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (VALUES ('staff'), ('public')) a (audience), unnest(v.ms_stages, v.ms_statuses, v.ms_counts) s (stage, status, n)
    WHERE a.audience = 'staff' OR v.public
    UNION ALL
    SELECT a.audience, 'completed', to_char(s.day, 'YYYY-MM-DD'), '', 0, 0, 0, 0, 0, 0, 0, sign * s.n, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (VALUES ('staff'), ('public')) a (audience), unnest(v.done_days, v.done_counts) s (day, n)
    WHERE a.audience = 'staff' OR v.public
$$;

-- Lock keys: writers applying hold the shared lock, a roll or full recount the exclusive one
-- (so it sees every committed write and no writer applies against a half-rolled table);
-- each pledge being applied is locked in class 1917 (two-key form), in id order.
CREATE FUNCTION dashboard_lock_key() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 1917001917::bigint $$;

-- Recounts every cell from the base tables against the kept day (after a roll, after
-- TRUNCATE, a bulk load, or to repair). JIT is off in these functions: compiling the plan
-- took longer than running it.
CREATE FUNCTION dashboard_recount() RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    d date;
BEGIN
    PERFORM pg_advisory_xact_lock(dashboard_lock_key());
    SELECT day INTO d FROM dashboard_day;
    DELETE FROM dashboard_pledge;
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

-- Applies the given pledges' changes: subtract each one's memo, add its recount, keep the
-- recount as its memo. The pledges are locked first (in id order), so a second writer of the
-- same pledge waits and then, in its next statement's snapshot, reads what the first kept
-- (writers run at READ COMMITTED, the app's level, where each statement takes a new
-- snapshot); the cells are then updated in one statement, in key order. A waiting writer
-- holds no cell locks and a writer holding cell locks waits for no pledge lock, so the two
-- kinds of lock cannot form a cycle.
-- The plan is kept (generic): planning this statement afresh at every commit cost more than running it.
CREATE FUNCTION dashboard_apply(ids bigint[]) RETURNS void
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
    -- A pledge whose figures did not change (a title edited) cancels out: its cells are not touched.
    INSERT INTO dashboard_cell AS cell
    SELECT * FROM delta
    WHERE (pledges, planning, in_progress, fulfilled, withdrawn, stale, with_overdue, milestones, done, overdue,
           commitment_total, commitment_done, implementation_total, implementation_done, evaluation_total, evaluation_done)
          IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
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
END $$;

-- At commit (the deferred trigger on the transaction's marker row): applies every pledge the
-- transaction touched. The rows are deleted as they are taken, so a transaction that sets
-- its constraints immediate and writes again queues a new marker.
CREATE FUNCTION dashboard_apply_pending() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    full_recount boolean;
BEGIN
    WITH taken AS (DELETE FROM dashboard_pending WHERE xid = pg_current_xact_id() RETURNING pledge_id)
    SELECT array_agg(pledge_id) FILTER (WHERE pledge_id > 0), COALESCE(bool_or(pledge_id < 0), false)
    INTO ids, full_recount FROM taken;
    -- A bulk load (the large data set: 10,000 pledges in one transaction) recounts everything:
    -- one pass over the base tables instead of subtracting memos that are not there yet.
    -- The tables are analyzed first: the statistics from before the load would have the
    -- planner expect empty tables (a 60 s plan instead of a 3 s one).
    IF full_recount OR cardinality(ids) > 1000 THEN
        ANALYZE pledge, milestone, pledge_country, pledge_measure, pledge_sdg_target, pledge_gcm_action;
        PERFORM dashboard_recount();
    ELSIF ids IS NOT NULL THEN
        PERFORM dashboard_apply(ids);
    END IF;
    RETURN NULL;
END $$;

-- Records the pledges a statement touched: dashboard_enqueue_pledges on pledge (its id),
-- dashboard_enqueue_rows on the tables that name a pledge_id. Static SQL in two functions,
-- not one with EXECUTE, so the plans are kept between statements. (A branch naming a
-- transition table the trigger does not have is never run, so never planned.)
CREATE FUNCTION dashboard_enqueue_pledges() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO dashboard_pending (pledge_id) VALUES (0), (-1) ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dashboard_pending (pledge_id) SELECT DISTINCT id FROM new_rows ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO dashboard_pending (pledge_id) SELECT DISTINCT id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    INSERT INTO dashboard_pending (pledge_id) VALUES (0) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION dashboard_enqueue_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO dashboard_pending (pledge_id) VALUES (0), (-1) ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dashboard_pending (pledge_id) SELECT DISTINCT pledge_id FROM new_rows ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO dashboard_pending (pledge_id) SELECT DISTINCT pledge_id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    INSERT INTO dashboard_pending (pledge_id) VALUES (0) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- Queued once per transaction (the marker row), run at its commit.
CREATE CONSTRAINT TRIGGER dashboard_apply AFTER INSERT ON dashboard_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.pledge_id = 0) EXECUTE FUNCTION dashboard_apply_pending();

-- Every table whose rows a dashboard figure depends on. Transition tables need one trigger per event.
DO $$
DECLARE
    t text[];
BEGIN
    FOREACH t SLICE 1 IN ARRAY ARRAY[['pledge', 'dashboard_enqueue_pledges'], ['pledge_country', 'dashboard_enqueue_rows'],
                                     ['pledge_measure', 'dashboard_enqueue_rows'], ['pledge_sdg_target', 'dashboard_enqueue_rows'],
                                     ['pledge_gcm_action', 'dashboard_enqueue_rows']] LOOP
        EXECUTE format('CREATE TRIGGER dashboard_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION %I()', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER dashboard_updated AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION %I()', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER dashboard_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION %I()', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER dashboard_truncated AFTER TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION %I()', t[1], t[2]);
    END LOOP;
END $$;

-- Moves the kept day to today and recounts, once a day (DashboardRollService; every app
-- instance may call it: the exclusive lock makes one do the work and the others find it done).
-- Returns whether it rolled.
CREATE FUNCTION dashboard_roll() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT day FROM dashboard_day) = current_date THEN
        RETURN false;
    END IF;
    PERFORM pg_advisory_xact_lock(dashboard_lock_key());
    IF (SELECT day FROM dashboard_day) = current_date THEN  -- a new snapshot: another instance may have rolled
        RETURN false;
    END IF;
    UPDATE dashboard_day SET day = current_date;
    PERFORM dashboard_recount();
    RETURN true;
END $$;

INSERT INTO dashboard_day (day) VALUES (current_date);
SELECT dashboard_recount();
