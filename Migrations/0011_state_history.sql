-- The state of every milestone and pledge over time, so that a report shows the data as it
-- stood on a past date ("as of") and what changed between two dates. `change_event` keeps
-- what people read (field names and values in the words of the day); these tables keep the
-- codes the status rule needs. Triggers write them, so every way of changing a milestone or
-- a pledge (forms, the demo, a bulk load) leaves its trace.

CREATE TABLE milestone_revision (
    milestone_id     bigint NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    pledge_id        bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    valid_from       timestamptz NOT NULL,
    stage            text NOT NULL,
    status           text NOT NULL,
    due_date         date,
    completed_on     date,
    percent_complete smallint NOT NULL,
    validation       text,
    PRIMARY KEY (milestone_id, valid_from)
);
CREATE INDEX milestone_revision_from_idx ON milestone_revision (valid_from);

CREATE TABLE pledge_revision (
    pledge_id  bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    valid_from timestamptz NOT NULL,
    withdrawn  boolean NOT NULL,
    PRIMARY KEY (pledge_id, valid_from)
);

-- A statement writes one revision per milestone whose tracked fields changed; two writes in
-- one transaction (same now()) leave the later state.
CREATE FUNCTION milestone_revisions_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO milestone_revision (milestone_id, pledge_id, valid_from, stage, status, due_date, completed_on, percent_complete, validation)
    SELECT n.id, n.pledge_id, now(), n.stage, n.status, n.due_date, n.completed_on, n.percent_complete, n.validation
    FROM new_rows n
    ON CONFLICT (milestone_id, valid_from) DO UPDATE
        SET stage = EXCLUDED.stage, status = EXCLUDED.status, due_date = EXCLUDED.due_date,
            completed_on = EXCLUDED.completed_on, percent_complete = EXCLUDED.percent_complete, validation = EXCLUDED.validation;
    RETURN NULL;
END $$;

CREATE FUNCTION milestone_revisions_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO milestone_revision (milestone_id, pledge_id, valid_from, stage, status, due_date, completed_on, percent_complete, validation)
    SELECT n.id, n.pledge_id, now(), n.stage, n.status, n.due_date, n.completed_on, n.percent_complete, n.validation
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.stage, o.status, o.due_date, o.completed_on, o.percent_complete, o.validation)
          IS DISTINCT FROM (n.stage, n.status, n.due_date, n.completed_on, n.percent_complete, n.validation)
    ON CONFLICT (milestone_id, valid_from) DO UPDATE
        SET stage = EXCLUDED.stage, status = EXCLUDED.status, due_date = EXCLUDED.due_date,
            completed_on = EXCLUDED.completed_on, percent_complete = EXCLUDED.percent_complete, validation = EXCLUDED.validation;
    RETURN NULL;
END $$;

CREATE TRIGGER milestone_revisions_inserted AFTER INSERT ON milestone REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION milestone_revisions_inserted();
CREATE TRIGGER milestone_revisions_updated AFTER UPDATE ON milestone REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION milestone_revisions_updated();

-- A pledge exists from its created_at; a withdrawal counts from its withdrawn_at.
CREATE FUNCTION pledge_revision_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pledge_revision (pledge_id, valid_from, withdrawn)
    VALUES (NEW.id, CASE WHEN TG_OP = 'INSERT' THEN NEW.created_at ELSE COALESCE(NEW.withdrawn_at, now()) END,
            NEW.withdrawn_at IS NOT NULL)
    ON CONFLICT (pledge_id, valid_from) DO UPDATE SET withdrawn = EXCLUDED.withdrawn;
    RETURN NULL;
END $$;

CREATE TRIGGER pledge_revision_inserted AFTER INSERT ON pledge
    FOR EACH ROW EXECUTE FUNCTION pledge_revision_written();
CREATE TRIGGER pledge_revision_withdrawal AFTER UPDATE OF withdrawn_at ON pledge
    FOR EACH ROW WHEN (OLD.withdrawn_at IS DISTINCT FROM NEW.withdrawn_at) EXECUTE FUNCTION pledge_revision_written();

-- Since when the history is complete. A database that already holds pledges when this runs
-- knows their states only from now on: reports refuse earlier days rather than guess (the
-- `change_event` labels are words for people, not codes). A new database is complete from
-- the start.
CREATE TABLE state_history_start (
    only_row      boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    complete_from timestamptz NOT NULL
);
INSERT INTO state_history_start (complete_from)
SELECT CASE WHEN EXISTS (SELECT 1 FROM pledge) THEN now() ELSE '-infinity' END;

-- The states of what exists now, from now; each pledge from its creation, and its withdrawal.
INSERT INTO milestone_revision (milestone_id, pledge_id, valid_from, stage, status, due_date, completed_on, percent_complete, validation)
SELECT m.id, m.pledge_id, now(), m.stage, m.status, m.due_date, m.completed_on, m.percent_complete, m.validation
FROM milestone m;
INSERT INTO pledge_revision (pledge_id, valid_from, withdrawn) SELECT id, created_at, false FROM pledge;
INSERT INTO pledge_revision (pledge_id, valid_from, withdrawn) SELECT id, withdrawn_at, true FROM pledge WHERE withdrawn_at IS NOT NULL
ON CONFLICT (pledge_id, valid_from) DO UPDATE SET withdrawn = true;

-- THE status rule (0006) over counts, so that the present and any past state share it.
CREATE FUNCTION status_from_counts(live bigint, live_done bigint, evaluation_done bigint, evaluation_waiting bigint,
                                   started_after_commitment bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN live > 0 AND live_done = live AND evaluation_done > 0 AND evaluation_waiting = 0 THEN 'fulfilled'
        WHEN started_after_commitment > 0 THEN 'in_progress'
        ELSE 'planning'
    END
$$;

CREATE OR REPLACE FUNCTION progress_status(p_pledge_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT status_from_counts(
        count(*) FILTER (WHERE status <> 'dropped'),
        count(*) FILTER (WHERE status = 'done'),
        count(*) FILTER (WHERE stage = 'evaluation' AND status = 'done'),
        count(*) FILTER (WHERE stage = 'evaluation' AND validation IN ('pending', 'sent_back')),
        count(*) FILTER (WHERE stage <> 'commitment' AND status NOT IN ('not_started', 'dropped')))
    FROM milestone WHERE pledge_id = p_pledge_id
$$;

-- The milestones as they stood just before p_at (those made later are absent). Reports pass
-- the first instant of the next day, so "as of a day" takes in everything up to its end.
CREATE FUNCTION milestones_as_of(p_at timestamptz)
RETURNS TABLE (id bigint, pledge_id bigint, stage text, status text, due_date date, completed_on date,
               percent_complete smallint, validation text)
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (r.milestone_id) r.milestone_id, r.pledge_id, r.stage, r.status, r.due_date, r.completed_on,
           r.percent_complete, r.validation
    FROM milestone_revision r
    WHERE r.valid_from < p_at
    ORDER BY r.milestone_id, r.valid_from DESC
$$;

-- The pledges as they stood just before p_at, with the columns the dashboards read from `pledge`
-- (status, current stage, milestone counts, open due dates, last activity) recomputed from
-- the milestones of that moment. Everything else (title, countries, visibility) is today's.
CREATE FUNCTION pledges_as_of(p_at timestamptz)
RETURNS TABLE (id bigint, owner_entity_id bigint, title text, grf_id text, kind text, start_date date, target_date date,
               visibility text, created_at timestamptz, last_activity_at timestamptz, search tsvector, status text,
               current_stage text, commitment_total int, commitment_done int, implementation_total int,
               implementation_done int, evaluation_total int, evaluation_done int, open_due_dates date[])
LANGUAGE sql STABLE AS $$
    SELECT p.id, p.owner_entity_id, p.title, p.grf_id, p.kind, p.start_date, p.target_date, p.visibility, p.created_at,
           COALESCE((SELECT max(c.at) FROM change_event c WHERE c.pledge_id = p.id AND c.at < p_at), p.created_at),
           p.search,
           CASE WHEN w.withdrawn THEN 'withdrawn' ELSE status_from_counts(
               count(m.id) FILTER (WHERE m.status <> 'dropped'),
               count(m.id) FILTER (WHERE m.status = 'done'),
               count(m.id) FILTER (WHERE m.stage = 'evaluation' AND m.status = 'done'),
               count(m.id) FILTER (WHERE m.stage = 'evaluation' AND m.validation IN ('pending', 'sent_back')),
               count(m.id) FILTER (WHERE m.stage <> 'commitment' AND m.status NOT IN ('not_started', 'dropped'))) END,
           (array_agg(m.stage ORDER BY array_position(ARRAY['commitment', 'implementation', 'evaluation'], m.stage))
                FILTER (WHERE m.status NOT IN ('done', 'dropped')))[1],
           count(m.id) FILTER (WHERE m.stage = 'commitment' AND m.status <> 'dropped')::int,
           count(m.id) FILTER (WHERE m.stage = 'commitment' AND m.status = 'done')::int,
           count(m.id) FILTER (WHERE m.stage = 'implementation' AND m.status <> 'dropped')::int,
           count(m.id) FILTER (WHERE m.stage = 'implementation' AND m.status = 'done')::int,
           count(m.id) FILTER (WHERE m.stage = 'evaluation' AND m.status <> 'dropped')::int,
           count(m.id) FILTER (WHERE m.stage = 'evaluation' AND m.status = 'done')::int,
           COALESCE(array_agg(m.due_date ORDER BY m.due_date)
                        FILTER (WHERE m.status NOT IN ('done', 'dropped') AND m.due_date IS NOT NULL), '{}')
    FROM pledge p
    CROSS JOIN LATERAL (SELECT COALESCE((SELECT r.withdrawn FROM pledge_revision r WHERE r.pledge_id = p.id AND r.valid_from < p_at
                                         ORDER BY r.valid_from DESC LIMIT 1), false) AS withdrawn) w
    LEFT JOIN milestones_as_of(p_at) m ON m.pledge_id = p.id
    WHERE p.created_at < p_at
    GROUP BY p.id, w.withdrawn
$$;
