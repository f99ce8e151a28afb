-- Each pledge's milestone counts, kept on the pledge by the trigger that already keeps its
-- status, so the dashboards sum 10,000 pledges instead of counting 60,000 milestones when
-- they rebuild after a write (the by-State breakdown on the large data set: 130 ms -> 25 ms).
-- Counts leave out dropped milestones. `open_due_dates` holds the due dates of the open
-- (not done, not dropped) milestones, sorted: overdue depends on the day it is read, and
-- width_bucket(current_date - 1, open_due_dates) counts them without unnesting.
ALTER TABLE pledge
    ADD COLUMN commitment_total     smallint NOT NULL DEFAULT 0,
    ADD COLUMN commitment_done      smallint NOT NULL DEFAULT 0,
    ADD COLUMN implementation_total smallint NOT NULL DEFAULT 0,
    ADD COLUMN implementation_done  smallint NOT NULL DEFAULT 0,
    ADD COLUMN evaluation_total     smallint NOT NULL DEFAULT 0,
    ADD COLUMN evaluation_done      smallint NOT NULL DEFAULT 0,
    ADD COLUMN open_due_dates       date[] NOT NULL DEFAULT '{}';

CREATE FUNCTION milestone_counts(p_pledge_id bigint,
    OUT commitment_total smallint, OUT commitment_done smallint,
    OUT implementation_total smallint, OUT implementation_done smallint,
    OUT evaluation_total smallint, OUT evaluation_done smallint, OUT open_due_dates date[])
LANGUAGE sql STABLE AS $$
    SELECT count(*) FILTER (WHERE stage = 'commitment' AND status <> 'dropped'),
           count(*) FILTER (WHERE stage = 'commitment' AND status = 'done'),
           count(*) FILTER (WHERE stage = 'implementation' AND status <> 'dropped'),
           count(*) FILTER (WHERE stage = 'implementation' AND status = 'done'),
           count(*) FILTER (WHERE stage = 'evaluation' AND status <> 'dropped'),
           count(*) FILTER (WHERE stage = 'evaluation' AND status = 'done'),
           COALESCE(array_agg(due_date ORDER BY due_date) FILTER (WHERE status NOT IN ('done', 'dropped') AND due_date IS NOT NULL), '{}')
    FROM milestone WHERE pledge_id = p_pledge_id
$$;

CREATE OR REPLACE FUNCTION milestones_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE pledge p SET status = pledge_status_for(p.withdrawn_at, p.id), current_stage = current_stage(p.id),
                        last_activity_at = now(),
                        (commitment_total, commitment_done, implementation_total, implementation_done,
                         evaluation_total, evaluation_done, open_due_dates) = (SELECT * FROM milestone_counts(p.id))
    WHERE p.id IN (SELECT pledge_id FROM changed_rows);
    RETURN NULL;
END $$;

UPDATE pledge p SET (commitment_total, commitment_done, implementation_total, implementation_done,
                     evaluation_total, evaluation_done, open_due_dates) = (SELECT * FROM milestone_counts(p.id));
