-- Pledges and their milestones in three stages: commitment -> implementation -> evaluation.

CREATE TABLE pledge (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_entity_id  bigint NOT NULL REFERENCES entity (id),
    title            text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    grf_id           text UNIQUE CHECK (grf_id ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,39}$'),  -- the Global Refugee Forum's pledge id
    kind             text NOT NULL CHECK (kind IN ('policy', 'financial', 'technical', 'material')),
    start_date       date,
    target_date      date,
    visibility       text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'restricted')),
    withdrawn_at     timestamptz,
    withdrawn_reason text,
    -- Derived from the milestones by pledge_derived_status(); kept current by triggers below.
    status           text NOT NULL DEFAULT 'planning' CHECK (status IN ('planning', 'in_progress', 'fulfilled', 'withdrawn')),
    -- The earliest stage with an open (not done, not dropped) milestone; NULL when none is open.
    current_stage    text CHECK (current_stage IN ('commitment', 'implementation', 'evaluation')),
    version          integer NOT NULL DEFAULT 1,   -- optimistic concurrency: bumped by every edit
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_activity_at timestamptz NOT NULL DEFAULT now(),  -- the pledge's or any milestone's last change
    search           tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')) STORED,
    CHECK (target_date IS NULL OR start_date IS NULL OR target_date >= start_date)
);
CREATE INDEX pledge_owner_idx ON pledge (owner_entity_id);
CREATE INDEX pledge_status_idx ON pledge (status);
CREATE INDEX pledge_stage_idx ON pledge (current_stage);
CREATE INDEX pledge_activity_idx ON pledge (last_activity_at);
CREATE INDEX pledge_search_idx ON pledge USING gin (search);

CREATE TABLE pledge_co_owner (
    pledge_id bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    entity_id bigint NOT NULL REFERENCES entity (id),
    PRIMARY KEY (pledge_id, entity_id)
);
CREATE INDEX pledge_co_owner_entity_idx ON pledge_co_owner (entity_id);

CREATE TABLE pledge_country (
    pledge_id    bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    country_iso3 char(3) NOT NULL REFERENCES country (iso3),
    PRIMARY KEY (pledge_id, country_iso3)
);
CREATE INDEX pledge_country_country_idx ON pledge_country (country_iso3);

CREATE TABLE pledge_measure (
    pledge_id      bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    measure_number smallint NOT NULL REFERENCES measure (number),
    PRIMARY KEY (pledge_id, measure_number)
);
CREATE INDEX pledge_measure_measure_idx ON pledge_measure (measure_number);

CREATE TABLE pledge_sdg_target (
    pledge_id   bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    target_code text NOT NULL REFERENCES sdg_target (code),
    PRIMARY KEY (pledge_id, target_code)
);
CREATE INDEX pledge_sdg_target_target_idx ON pledge_sdg_target (target_code);

CREATE TABLE pledge_gcm_action (
    pledge_id     bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    action_letter char(1) NOT NULL REFERENCES gcm_action (letter),
    PRIMARY KEY (pledge_id, action_letter)
);
CREATE INDEX pledge_gcm_action_action_idx ON pledge_gcm_action (action_letter);

CREATE TABLE milestone (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pledge_id         bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    stage             text NOT NULL CHECK (stage IN ('commitment', 'implementation', 'evaluation')),
    position          integer NOT NULL,
    title             text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    due_date          date,
    status            text NOT NULL DEFAULT 'not_started'
                          CHECK (status IN ('not_started', 'on_track', 'at_risk', 'delayed', 'done', 'dropped')),
    percent_complete  smallint NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
    completed_on      date,
    notes             text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
    -- Evaluation milestones marked done by a focal point wait for the secretariat.
    validation        text CHECK (validation IN ('pending', 'validated', 'sent_back')),
    validation_reason text,
    version           integer NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'done') = (completed_on IS NOT NULL)),
    CHECK (status <> 'done' OR percent_complete = 100)
);
CREATE INDEX milestone_pledge_idx ON milestone (pledge_id, stage, position);
CREATE INDEX milestone_open_due_idx ON milestone (due_date) WHERE status NOT IN ('done', 'dropped');

CREATE TABLE milestone_evidence (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    milestone_id bigint NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    title        text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 200),
    url          text NOT NULL CHECK (url ~ '^https?://[^\s]+$' AND length(url) <= 2000)
);
CREATE INDEX milestone_evidence_milestone_idx ON milestone_evidence (milestone_id, position);

-- The history of every pledge and milestone: who, when, each field's old and new value, why.
CREATE TABLE change_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor_id     bigint REFERENCES app_user (id),
    pledge_id    bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    milestone_id bigint REFERENCES milestone (id) ON DELETE SET NULL,
    action       text NOT NULL,
    why          text NOT NULL DEFAULT '' CHECK (length(why) <= 2000),
    changes      jsonb NOT NULL DEFAULT '[]'   -- [{"field": …, "old": …, "new": …}]
);
CREATE INDEX change_event_pledge_idx ON change_event (pledge_id, at DESC);
CREATE INDEX change_event_at_idx ON change_event (at);

-- THE status rule, in one place (README, "Derived status"):
--   withdrawn    the owner withdrew the pledge;
--   fulfilled    it has milestones, every one not dropped is done, at least one of those is an
--                evaluation milestone, and no evaluation milestone waits for validation or
--                was sent back;
--   in progress  some implementation or evaluation milestone has started (any status but
--                not started or dropped);
--   planning     otherwise: only the commitment stage is under way.
-- progress_status() reads the milestones; the pledge's status column holds the result and is
-- kept current by the triggers below, so lists and dashboards filter on it with an index.
CREATE FUNCTION progress_status(p_pledge_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN count(*) FILTER (WHERE status <> 'dropped') > 0
             AND bool_and(status = 'done') FILTER (WHERE status <> 'dropped')
             AND count(*) FILTER (WHERE stage = 'evaluation' AND status = 'done') > 0
             AND count(*) FILTER (WHERE stage = 'evaluation' AND validation IN ('pending', 'sent_back')) = 0
            THEN 'fulfilled'
        WHEN count(*) FILTER (WHERE stage <> 'commitment' AND status NOT IN ('not_started', 'dropped')) > 0
            THEN 'in_progress'
        ELSE 'planning'
    END
    FROM milestone WHERE pledge_id = p_pledge_id
$$;

CREATE FUNCTION pledge_status_for(p_withdrawn_at timestamptz, p_pledge_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_withdrawn_at IS NOT NULL THEN 'withdrawn' ELSE progress_status(p_pledge_id) END
$$;

CREATE FUNCTION current_stage(p_pledge_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT stage FROM milestone
    WHERE pledge_id = p_pledge_id AND status NOT IN ('done', 'dropped')
    ORDER BY array_position(ARRAY['commitment', 'implementation', 'evaluation'], stage)
    LIMIT 1
$$;

-- After milestones change (one statement at a time, so a bulk load updates each pledge once).
CREATE FUNCTION milestones_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE pledge p SET status = pledge_status_for(p.withdrawn_at, p.id), current_stage = current_stage(p.id),
                        last_activity_at = now()
    WHERE p.id IN (SELECT pledge_id FROM changed_rows);
    RETURN NULL;
END $$;

CREATE TRIGGER milestones_inserted AFTER INSERT ON milestone REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION milestones_changed();
CREATE TRIGGER milestones_updated AFTER UPDATE ON milestone REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION milestones_changed();
CREATE TRIGGER milestones_deleted AFTER DELETE ON milestone REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION milestones_changed();

-- When a pledge is withdrawn or taken back.
CREATE FUNCTION pledge_withdrawal_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.status := pledge_status_for(NEW.withdrawn_at, NEW.id);
    RETURN NEW;
END $$;

CREATE TRIGGER pledge_withdrawal BEFORE UPDATE OF withdrawn_at ON pledge
    FOR EACH ROW EXECUTE FUNCTION pledge_withdrawal_changed();
