-- The schema after the last migration, written by scripts/schema from a migrated database.
-- For reading only: the numbered files beside it are what is applied. Do not edit by hand:
-- change a migration (a new file), then run `make schema`.

--
-- PostgreSQL database dump
--

--
-- Name: country_name; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.country_name (
    iso3 character(3) NOT NULL,
    language text NOT NULL,
    name text NOT NULL,
    CONSTRAINT country_name_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT country_name_name_check CHECK ((btrim(name) <> ''::text))
);

--
-- Name: country_name_in(character, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.country_name_in(iso3 character, original text, reader text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT n.name FROM public.country_name n WHERE ((n.iso3 = country_name_in.iso3) AND (n.language = country_name_in.reader))), original);

--
-- Name: current_stage(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.current_stage(p_pledge_id bigint) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT stage FROM milestone
    WHERE pledge_id = p_pledge_id AND status NOT IN ('done', 'dropped')
    ORDER BY array_position(ARRAY['commitment', 'implementation', 'evaluation'], stage)
    LIMIT 1
$$;

--
-- Name: dashboard_apply(bigint[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_apply(ids bigint[]) RETURNS void
    LANGUAGE plpgsql
    SET jit TO 'off'
    SET plan_cache_mode TO 'force_generic_plan'
    AS $$
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

--
-- Name: dashboard_apply_pending(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_apply_pending() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

--
-- Name: dashboard_pledge; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboard_pledge (
    pledge_id bigint NOT NULL,
    public boolean NOT NULL,
    owner_entity_id bigint NOT NULL,
    countries text[] NOT NULL,
    measures text[] NOT NULL,
    targets text[] NOT NULL,
    actions text[] NOT NULL,
    status text NOT NULL,
    stale boolean NOT NULL,
    overdue integer NOT NULL,
    commitment_total integer NOT NULL,
    commitment_done integer NOT NULL,
    implementation_total integer NOT NULL,
    implementation_done integer NOT NULL,
    evaluation_total integer NOT NULL,
    evaluation_done integer NOT NULL,
    ms_stages text[] NOT NULL,
    ms_statuses text[] NOT NULL,
    ms_counts integer[] NOT NULL,
    done_days date[] NOT NULL,
    done_counts integer[] NOT NULL
);

--
-- Name: dashboard_cells_of(public.dashboard_pledge, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_cells_of(v public.dashboard_pledge, sign integer) RETURNS TABLE(audience text, dim text, k1 text, k2 text, pledges integer, planning integer, in_progress integer, fulfilled integer, withdrawn integer, stale integer, with_overdue integer, milestones integer, done integer, overdue integer, commitment_total integer, commitment_done integer, implementation_total integer, implementation_done integer, evaluation_total integer, evaluation_done integer)
    LANGUAGE sql IMMUTABLE
    AS $$
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

--
-- Name: dashboard_enqueue_pledges(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_enqueue_pledges() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

--
-- Name: dashboard_enqueue_rows(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_enqueue_rows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

--
-- Name: dashboard_fold(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_fold() RETURNS integer
    LANGUAGE plpgsql
    SET jit TO 'off'
    AS $$
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

--
-- Name: dashboard_lock_key(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_lock_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT 1917001917::bigint $$;

--
-- Name: dashboard_pledge_now(bigint[], date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_pledge_now(ids bigint[], d date) RETURNS SETOF public.dashboard_pledge
    LANGUAGE sql STABLE
    AS $$
    SELECT * FROM dashboard_pledge_rows(d) r WHERE r.pledge_id = ANY (ids)
$$;

--
-- Name: dashboard_pledge_rows(date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_pledge_rows(d date) RETURNS SETOF public.dashboard_pledge
    LANGUAGE sql STABLE
    AS $$
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

--
-- Name: dashboard_recount(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_recount() RETURNS void
    LANGUAGE plpgsql
    SET jit TO 'off'
    AS $$
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

--
-- Name: dashboard_roll(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dashboard_roll() RETURNS boolean
    LANGUAGE plpgsql
    AS $$
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

--
-- Name: feedback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback (
    id bigint NOT NULL,
    panel_id bigint NOT NULL,
    author_id bigint,
    pledge_id bigint,
    milestone_id bigint,
    scope text DEFAULT 'panel'::text NOT NULL,
    body text,
    content_note text,
    moderation text DEFAULT 'pending'::text NOT NULL,
    review text DEFAULT 'new'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    withdrawn_at timestamp with time zone,
    language text DEFAULT 'en'::text NOT NULL,
    CONSTRAINT feedback_body_check CHECK (((body IS NULL) OR ((btrim(body) <> ''::text) AND (length(body) <= 4000)))),
    CONSTRAINT feedback_check CHECK (((withdrawn_at IS NULL) = (body IS NOT NULL))),
    CONSTRAINT feedback_check1 CHECK (((withdrawn_at IS NULL) OR (content_note IS NULL))),
    CONSTRAINT feedback_check2 CHECK (((scope <> 'pledge_owners'::text) OR (pledge_id IS NOT NULL))),
    CONSTRAINT feedback_check3 CHECK (((milestone_id IS NULL) OR (pledge_id IS NOT NULL))),
    CONSTRAINT feedback_content_note_check CHECK (((content_note IS NULL) OR ((btrim(content_note) <> ''::text) AND (length(content_note) <= 200)))),
    CONSTRAINT feedback_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'en'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT feedback_moderation_check CHECK ((moderation = ANY (ARRAY['pending'::text, 'published'::text, 'hidden'::text]))),
    CONSTRAINT feedback_review_check CHECK ((review = ANY (ARRAY['new'::text, 'acknowledged'::text, 'answered'::text, 'acted_upon'::text]))),
    CONSTRAINT feedback_scope_check CHECK ((scope = ANY (ARRAY['panel'::text, 'secretariat'::text, 'pledge_owners'::text, 'public'::text])))
);

--
-- Name: feedback_answerable_by(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.feedback_answerable_by(reader bigint) RETURNS SETOF public.feedback
    LANGUAGE sql STABLE
    AS $$
    SELECT f.* FROM feedback_visible_to(reader) f
    WHERE (f.scope IN ('secretariat', 'pledge_owners', 'public')
           AND EXISTS (SELECT 1 FROM user_role WHERE user_id = reader AND role = 'secretariat'))
       OR (f.scope IN ('pledge_owners', 'public') AND f.moderation = 'published' AND f.pledge_id IS NOT NULL
           AND feedback_owner_reader(f.id, f.pledge_id, reader))
$$;

--
-- Name: feedback_moderated_by(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.feedback_moderated_by(reader bigint) RETURNS SETOF public.feedback
    LANGUAGE sql STABLE
    AS $$
    SELECT f.* FROM feedback f
    WHERE f.panel_id IN (SELECT p.id FROM panel p JOIN user_role r ON r.user_id = p.facilitator_id AND r.role = 'panel_facilitator'
                         WHERE p.facilitator_id = reader)
       OR (f.scope IN ('secretariat', 'pledge_owners', 'public')
           AND EXISTS (SELECT 1 FROM user_role WHERE user_id = reader AND role = 'secretariat'))
$$;

--
-- Name: feedback_owner_reader(bigint, bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.feedback_owner_reader(item bigint, of_pledge bigint, reader bigint) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM feedback_audience a
        JOIN entity_member em ON em.entity_id = a.entity_id AND em.user_id = reader
        JOIN user_role r ON r.user_id = em.user_id AND r.role = 'focal_point'
        WHERE a.feedback_id = item AND a.entity_id IN (SELECT pledge_owner_entities(of_pledge)))
$$;

--
-- Name: feedback_visible_to(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.feedback_visible_to(reader bigint) RETURNS SETOF public.feedback
    LANGUAGE sql STABLE
    AS $$
    SELECT f.* FROM feedback f
    WHERE (reader IS NOT NULL AND f.author_id = reader)
       OR (f.scope = 'public' AND f.moderation = 'published')
       OR f.panel_id IN (SELECT p.id FROM panel p JOIN user_role r ON r.user_id = p.facilitator_id AND r.role = 'panel_facilitator'
                         WHERE p.facilitator_id = reader)
       OR (f.moderation = 'published'
           AND f.panel_id IN (SELECT m.panel_id FROM panel_member m JOIN user_role r ON r.user_id = m.user_id AND r.role = 'panel_member'
                              WHERE m.user_id = reader))
       OR (f.scope IN ('secretariat', 'pledge_owners', 'public')
           AND EXISTS (SELECT 1 FROM user_role WHERE user_id = reader AND role = 'secretariat'))
       OR (f.scope = 'pledge_owners' AND f.moderation = 'published' AND reader IS NOT NULL
           AND feedback_owner_reader(f.id, f.pledge_id, reader))
$$;

--
-- Name: guard_survivor_account(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.guard_survivor_account() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD.survivor AND NOT NEW.survivor THEN
        RAISE EXCEPTION 'a survivor account stays one' USING ERRCODE = 'check_violation';
    END IF;
    -- Only the member, when deleting the account, removes the address (to NULL).
    IF OLD.survivor AND NEW.email IS NOT NULL AND NEW.email IS DISTINCT FROM OLD.email THEN
        RAISE EXCEPTION 'a survivor account''s e-mail is not changed by others' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.deleted_at IS NOT NULL AND NEW.disabled_at IS NULL THEN
        RAISE EXCEPTION 'a deleted account is not enabled again' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

--
-- Name: guard_survivor_invitation(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.guard_survivor_invitation() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF is_survivor_account(NEW.user_id) THEN
        RAISE EXCEPTION 'no password link for a survivor account' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

--
-- Name: guard_survivor_roles(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.guard_survivor_roles() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.role = 'panel_member' THEN
        IF EXISTS (SELECT 1 FROM user_role WHERE user_id = NEW.user_id AND role <> 'panel_member') THEN
            RAISE EXCEPTION 'panel membership never joins a staff role' USING ERRCODE = 'check_violation';
        END IF;
        UPDATE app_user SET survivor = true WHERE id = NEW.user_id AND NOT survivor;
    ELSIF is_survivor_account(NEW.user_id) THEN
        RAISE EXCEPTION 'a survivor account holds no staff role' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

--
-- Name: hide_flagged_feedback(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hide_flagged_feedback() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM 1 FROM feedback WHERE id = NEW.feedback_id FOR UPDATE;
    WITH hidden AS (
        UPDATE feedback f SET moderation = 'hidden', updated_at = now()
        FROM panel p
        WHERE f.id = NEW.feedback_id AND p.id = f.panel_id AND f.moderation = 'published'
          AND (SELECT count(*) FROM feedback_flag fl
               WHERE fl.feedback_id = f.id AND fl.closed_at IS NULL
                 AND NOT (f.pledge_id IS NOT NULL AND EXISTS (
                     SELECT 1 FROM entity_member em JOIN user_role r ON r.user_id = em.user_id AND r.role = 'focal_point'
                     WHERE em.user_id = fl.user_id AND em.entity_id IN (SELECT pledge_owner_entities(f.pledge_id))))
              ) >= p.flag_threshold
        RETURNING f.id
    )
    INSERT INTO moderation_decision (feedback_id, actor_id, decision, reason)
    SELECT id, NULL, 'hidden_by_flags', '' FROM hidden;
    RETURN NULL;
END $$;

--
-- Name: is_survivor_account(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.is_survivor_account(account bigint) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT EXISTS (SELECT 1 FROM app_user u WHERE u.id = account
                   AND (u.survivor OR u.pseudonym IS NOT NULL OR EXISTS (SELECT 1 FROM panel_member m WHERE m.user_id = u.id)))
$$;

--
-- Name: milestone_counts(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.milestone_counts(p_pledge_id bigint, OUT commitment_total smallint, OUT commitment_done smallint, OUT implementation_total smallint, OUT implementation_done smallint, OUT evaluation_total smallint, OUT evaluation_done smallint, OUT open_due_dates date[]) RETURNS record
    LANGUAGE sql STABLE
    AS $$
    SELECT count(*) FILTER (WHERE stage = 'commitment' AND status <> 'dropped'),
           count(*) FILTER (WHERE stage = 'commitment' AND status = 'done'),
           count(*) FILTER (WHERE stage = 'implementation' AND status <> 'dropped'),
           count(*) FILTER (WHERE stage = 'implementation' AND status = 'done'),
           count(*) FILTER (WHERE stage = 'evaluation' AND status <> 'dropped'),
           count(*) FILTER (WHERE stage = 'evaluation' AND status = 'done'),
           COALESCE(array_agg(due_date ORDER BY due_date) FILTER (WHERE status NOT IN ('done', 'dropped') AND due_date IS NOT NULL), '{}')
    FROM milestone WHERE pledge_id = p_pledge_id
$$;

--
-- Name: milestone_revisions_inserted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.milestone_revisions_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO milestone_revision (milestone_id, pledge_id, valid_from, stage, status, due_date, completed_on, percent_complete, validation)
    SELECT n.id, n.pledge_id, now(), n.stage, n.status, n.due_date, n.completed_on, n.percent_complete, n.validation
    FROM new_rows n
    ON CONFLICT (milestone_id, valid_from) DO UPDATE
        SET stage = EXCLUDED.stage, status = EXCLUDED.status, due_date = EXCLUDED.due_date,
            completed_on = EXCLUDED.completed_on, percent_complete = EXCLUDED.percent_complete, validation = EXCLUDED.validation;
    RETURN NULL;
END $$;

--
-- Name: milestone_revisions_updated(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.milestone_revisions_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

--
-- Name: milestone_translation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestone_translation (
    milestone_id bigint NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    CONSTRAINT milestone_translation_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'en'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT milestone_translation_title_check CHECK (((btrim(title) <> ''::text) AND (length(title) <= 300)))
);

--
-- Name: milestone_title_in(bigint, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.milestone_title_in(milestone_id bigint, original text, reader text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT t.title FROM public.milestone_translation t WHERE ((t.milestone_id = milestone_title_in.milestone_id) AND (t.language = milestone_title_in.reader))), original);

--
-- Name: milestones_as_of(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.milestones_as_of(p_at timestamp with time zone) RETURNS TABLE(id bigint, pledge_id bigint, stage text, status text, due_date date, completed_on date, percent_complete smallint, validation text)
    LANGUAGE sql STABLE
    AS $$
    SELECT DISTINCT ON (r.milestone_id) r.milestone_id, r.pledge_id, r.stage, r.status, r.due_date, r.completed_on,
           r.percent_complete, r.validation
    FROM milestone_revision r
    WHERE r.valid_from < p_at
    ORDER BY r.milestone_id, r.valid_from DESC
$$;

--
-- Name: milestones_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.milestones_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE pledge p SET status = pledge_status_for(p.withdrawn_at, p.id), current_stage = current_stage(p.id),
                        last_activity_at = now(),
                        (commitment_total, commitment_done, implementation_total, implementation_done,
                         evaluation_total, evaluation_done, open_due_dates) = (SELECT * FROM milestone_counts(p.id))
    WHERE p.id IN (SELECT pledge_id FROM changed_rows);
    RETURN NULL;
END $$;

--
-- Name: pledge_in_panel_countries(bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pledge_in_panel_countries(pledge bigint, panel bigint) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT EXISTS (SELECT 1 FROM pledge_country pc JOIN panel_country k ON k.country_iso3 = pc.country_iso3
                   WHERE pc.pledge_id = pledge AND k.panel_id = panel)
$$;

--
-- Name: pledge_owner_entities(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pledge_owner_entities(of_pledge bigint) RETURNS SETOF bigint
    LANGUAGE sql STABLE
    AS $$
    SELECT owner_entity_id FROM pledge WHERE id = of_pledge
    UNION SELECT entity_id FROM pledge_co_owner WHERE pledge_id = of_pledge
$$;

--
-- Name: pledge_revision_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pledge_revision_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO pledge_revision (pledge_id, valid_from, withdrawn)
    VALUES (NEW.id, CASE WHEN TG_OP = 'INSERT' THEN NEW.created_at ELSE COALESCE(NEW.withdrawn_at, now()) END,
            NEW.withdrawn_at IS NOT NULL)
    ON CONFLICT (pledge_id, valid_from) DO UPDATE SET withdrawn = EXCLUDED.withdrawn;
    RETURN NULL;
END $$;

--
-- Name: pledge_status_for(timestamp with time zone, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pledge_status_for(p_withdrawn_at timestamp with time zone, p_pledge_id bigint) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN p_withdrawn_at IS NOT NULL THEN 'withdrawn' ELSE progress_status(p_pledge_id) END
$$;

--
-- Name: pledge_translation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge_translation (
    pledge_id bigint NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by bigint,
    CONSTRAINT pledge_translation_description_check CHECK ((length(description) <= 10000)),
    CONSTRAINT pledge_translation_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'en'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT pledge_translation_title_check CHECK (((btrim(title) <> ''::text) AND (length(title) <= 300)))
);

--
-- Name: pledge_title_in(bigint, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pledge_title_in(pledge_id bigint, original text, reader text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT t.title FROM public.pledge_translation t WHERE ((t.pledge_id = pledge_title_in.pledge_id) AND (t.language = pledge_title_in.reader))), original);

--
-- Name: pledge_withdrawal_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pledge_withdrawal_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.status := pledge_status_for(NEW.withdrawn_at, NEW.id);
    RETURN NEW;
END $$;

--
-- Name: pledges_as_of(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pledges_as_of(p_at timestamp with time zone) RETURNS TABLE(id bigint, owner_entity_id bigint, title text, grf_id text, kind text, start_date date, target_date date, visibility text, created_at timestamp with time zone, last_activity_at timestamp with time zone, search tsvector, status text, current_stage text, commitment_total integer, commitment_done integer, implementation_total integer, implementation_done integer, evaluation_total integer, evaluation_done integer, open_due_dates date[])
    LANGUAGE sql STABLE
    AS $$
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

--
-- Name: progress_status(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.progress_status(p_pledge_id bigint) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT status_from_counts(
        count(*) FILTER (WHERE status <> 'dropped'),
        count(*) FILTER (WHERE status = 'done'),
        count(*) FILTER (WHERE stage = 'evaluation' AND status = 'done'),
        count(*) FILTER (WHERE stage = 'evaluation' AND validation IN ('pending', 'sent_back')),
        count(*) FILTER (WHERE stage <> 'commitment' AND status NOT IN ('not_started', 'dropped')))
    FROM milestone WHERE pledge_id = p_pledge_id
$$;

--
-- Name: reader_is_staff(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.reader_is_staff(reader bigint) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT EXISTS (SELECT 1 FROM user_role
                   WHERE user_id = reader AND role IN ('admin', 'secretariat', 'focal_point', 'panel_facilitator'))
$$;

--
-- Name: record_feedback_audience(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.record_feedback_audience() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.pledge_id IS NOT NULL THEN
        INSERT INTO feedback_audience (feedback_id, entity_id)
        SELECT NEW.id, e FROM pledge_owner_entities(NEW.pledge_id) AS e ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

--
-- Name: status_from_counts(bigint, bigint, bigint, bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.status_from_counts(live bigint, live_done bigint, evaluation_done bigint, evaluation_waiting bigint, started_after_commitment bigint) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE
        WHEN live > 0 AND live_done = live AND evaluation_done > 0 AND evaluation_waiting = 0 THEN 'fulfilled'
        WHEN started_after_commitment > 0 THEN 'in_progress'
        ELSE 'planning'
    END
$$;

--
-- Name: touch_data_version(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.touch_data_version() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    touched text := COALESCE(current_setting('pledgetrack.data_touched', true), '');
    withheld boolean := TG_TABLE_NAME NOT IN ('milestone', 'milestone_evidence', 'milestone_translation', 'change_event',
                                               'pledge', 'pledge_country', 'pledge_measure', 'pledge_sdg_target',
                                               'pledge_gcm_action', 'pledge_co_owner', 'pledge_translation', 'entity',
                                               'app_user');
    my_shard smallint := txid_current() % 32;
    new_version bigint;
BEGIN
    IF TG_TABLE_NAME = 'pledge' AND TG_LEVEL = 'ROW' THEN
        IF TG_OP = 'DELETE' THEN
            withheld := true;
        ELSIF TG_OP = 'UPDATE' THEN
            withheld := OLD.visibility <> NEW.visibility;
        END IF;
    ELSIF TG_TABLE_NAME = 'pledge' THEN
        withheld := true;  -- TRUNCATE
    END IF;
    -- Once per transaction, and once more if a withholding change follows a plain one.
    IF touched = 'withheld' OR (touched = 'yes' AND NOT withheld) THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('pledgetrack.data_touched', CASE WHEN withheld THEN 'withheld' ELSE 'yes' END, true);
    UPDATE data_version SET version = version + 1 WHERE shard = my_shard RETURNING version INTO new_version;
    PERFORM pg_notify('data_version', my_shard || ' ' || new_version || CASE WHEN withheld THEN ' withheld' ELSE '' END);
    RETURN NULL;
END $$;

--
-- Name: app_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_user (
    id bigint NOT NULL,
    email text,
    display_name text NOT NULL,
    password_hash text,
    password_changed_at timestamp with time zone,
    totp_secret text,
    totp_last_step bigint,
    disabled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    pseudonym text,
    survivor boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    language text,
    CONSTRAINT app_user_can_sign_in CHECK (((email IS NOT NULL) OR (pseudonym IS NOT NULL) OR (disabled_at IS NOT NULL))),
    CONSTRAINT app_user_display_name_check CHECK (((btrim(display_name) <> ''::text) AND (length(display_name) <= 100))),
    CONSTRAINT app_user_email_check CHECK (((email = lower(email)) AND (email ~~ '%_@_%'::text) AND (length(email) <= 254))),
    CONSTRAINT app_user_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'en'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT app_user_pseudonym_check CHECK (((pseudonym IS NULL) OR (((length(btrim(pseudonym)) >= 2) AND (length(btrim(pseudonym)) <= 40)) AND (POSITION(('@'::text) IN (pseudonym)) = 0))))
);

--
-- Name: app_user_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.app_user ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.app_user_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: audit_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_event (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor_id bigint,
    action text NOT NULL,
    target_type text,
    target_id text,
    request_id text,
    client_address text,
    detail jsonb DEFAULT '{}'::jsonb NOT NULL
);

--
-- Name: audit_event_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_event ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: change_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_event (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor_id bigint,
    pledge_id bigint NOT NULL,
    milestone_id bigint,
    action text NOT NULL,
    why text DEFAULT ''::text NOT NULL,
    changes jsonb DEFAULT '[]'::jsonb NOT NULL,
    CONSTRAINT change_event_why_check CHECK ((length(why) <= 2000))
);

--
-- Name: change_event_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.change_event ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.change_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: common_password; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.common_password (
    password text NOT NULL
);

--
-- Name: consent_notice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consent_notice (
    version integer NOT NULL,
    body text NOT NULL,
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    published_by bigint,
    CONSTRAINT consent_notice_body_check CHECK ((btrim(body) <> ''::text)),
    CONSTRAINT consent_notice_version_check CHECK ((version > 0))
);

--
-- Name: country; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.country (
    iso3 character(3) NOT NULL,
    iso2 character(2) NOT NULL,
    m49 character(3) NOT NULL,
    name text NOT NULL,
    region_code character(3),
    sub_region_code character(3),
    un_listed boolean DEFAULT true NOT NULL,
    uninhabited boolean DEFAULT false NOT NULL,
    CONSTRAINT country_iso2_check CHECK ((iso2 ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT country_iso3_check CHECK ((iso3 ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT country_m49_check CHECK ((m49 ~ '^[0-9]{3}$'::text))
);

--
-- Name: dashboard_cell; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboard_cell (
    audience text NOT NULL,
    dim text NOT NULL,
    k1 text NOT NULL,
    k2 text DEFAULT ''::text NOT NULL,
    pledges integer DEFAULT 0 NOT NULL,
    planning integer DEFAULT 0 NOT NULL,
    in_progress integer DEFAULT 0 NOT NULL,
    fulfilled integer DEFAULT 0 NOT NULL,
    withdrawn integer DEFAULT 0 NOT NULL,
    stale integer DEFAULT 0 NOT NULL,
    with_overdue integer DEFAULT 0 NOT NULL,
    milestones integer DEFAULT 0 NOT NULL,
    done integer DEFAULT 0 NOT NULL,
    overdue integer DEFAULT 0 NOT NULL,
    commitment_total integer DEFAULT 0 NOT NULL,
    commitment_done integer DEFAULT 0 NOT NULL,
    implementation_total integer DEFAULT 0 NOT NULL,
    implementation_done integer DEFAULT 0 NOT NULL,
    evaluation_total integer DEFAULT 0 NOT NULL,
    evaluation_done integer DEFAULT 0 NOT NULL,
    CONSTRAINT dashboard_cell_audience_check CHECK ((audience = ANY (ARRAY['public'::text, 'staff'::text])))
);

--
-- Name: dashboard_delta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboard_delta (
    audience text NOT NULL,
    dim text NOT NULL,
    k1 text NOT NULL,
    k2 text NOT NULL,
    pledges integer NOT NULL,
    planning integer NOT NULL,
    in_progress integer NOT NULL,
    fulfilled integer NOT NULL,
    withdrawn integer NOT NULL,
    stale integer NOT NULL,
    with_overdue integer NOT NULL,
    milestones integer NOT NULL,
    done integer NOT NULL,
    overdue integer NOT NULL,
    commitment_total integer NOT NULL,
    commitment_done integer NOT NULL,
    implementation_total integer NOT NULL,
    implementation_done integer NOT NULL,
    evaluation_total integer NOT NULL,
    evaluation_done integer NOT NULL
);

--
-- Name: dashboard_cell_now; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.dashboard_cell_now AS
 SELECT c.audience,
    c.dim,
    c.k1,
    c.k2,
    (sum(c.pledges))::integer AS pledges,
    (sum(c.planning))::integer AS planning,
    (sum(c.in_progress))::integer AS in_progress,
    (sum(c.fulfilled))::integer AS fulfilled,
    (sum(c.withdrawn))::integer AS withdrawn,
    (sum(c.stale))::integer AS stale,
    (sum(c.with_overdue))::integer AS with_overdue,
    (sum(c.milestones))::integer AS milestones,
    (sum(c.done))::integer AS done,
    (sum(c.overdue))::integer AS overdue,
    (sum(c.commitment_total))::integer AS commitment_total,
    (sum(c.commitment_done))::integer AS commitment_done,
    (sum(c.implementation_total))::integer AS implementation_total,
    (sum(c.implementation_done))::integer AS implementation_done,
    (sum(c.evaluation_total))::integer AS evaluation_total,
    (sum(c.evaluation_done))::integer AS evaluation_done
   FROM ( SELECT dashboard_cell.audience,
            dashboard_cell.dim,
            dashboard_cell.k1,
            dashboard_cell.k2,
            dashboard_cell.pledges,
            dashboard_cell.planning,
            dashboard_cell.in_progress,
            dashboard_cell.fulfilled,
            dashboard_cell.withdrawn,
            dashboard_cell.stale,
            dashboard_cell.with_overdue,
            dashboard_cell.milestones,
            dashboard_cell.done,
            dashboard_cell.overdue,
            dashboard_cell.commitment_total,
            dashboard_cell.commitment_done,
            dashboard_cell.implementation_total,
            dashboard_cell.implementation_done,
            dashboard_cell.evaluation_total,
            dashboard_cell.evaluation_done
           FROM public.dashboard_cell
        UNION ALL
         SELECT dashboard_delta.audience,
            dashboard_delta.dim,
            dashboard_delta.k1,
            dashboard_delta.k2,
            dashboard_delta.pledges,
            dashboard_delta.planning,
            dashboard_delta.in_progress,
            dashboard_delta.fulfilled,
            dashboard_delta.withdrawn,
            dashboard_delta.stale,
            dashboard_delta.with_overdue,
            dashboard_delta.milestones,
            dashboard_delta.done,
            dashboard_delta.overdue,
            dashboard_delta.commitment_total,
            dashboard_delta.commitment_done,
            dashboard_delta.implementation_total,
            dashboard_delta.implementation_done,
            dashboard_delta.evaluation_total,
            dashboard_delta.evaluation_done
           FROM public.dashboard_delta) c
  GROUP BY c.audience, c.dim, c.k1, c.k2;

--
-- Name: dashboard_day; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboard_day (
    only_row boolean DEFAULT true NOT NULL,
    day date NOT NULL,
    CONSTRAINT dashboard_day_only_row_check CHECK (only_row)
);

--
-- Name: dashboard_pending; Type: TABLE; Schema: public; Owner: -
--

CREATE UNLOGGED TABLE public.dashboard_pending (
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    pledge_id bigint NOT NULL
);

--
-- Name: data_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.data_version (
    shard smallint NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT data_version_shard_check CHECK (((shard >= 0) AND (shard <= 31)))
);

--
-- Name: entity; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.entity (
    id bigint NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    home_country character(3),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT entity_kind_check CHECK ((kind = ANY (ARRAY['state'::text, 'un_agency'::text, 'international_organisation'::text, 'civil_society'::text, 'refugee_led'::text, 'survivor_led'::text, 'local_authority'::text, 'private_sector'::text, 'academia'::text]))),
    CONSTRAINT entity_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200)))
);

--
-- Name: entity_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.entity ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.entity_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: entity_member; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.entity_member (
    user_id bigint NOT NULL,
    entity_id bigint NOT NULL
);

--
-- Name: feedback_answer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback_answer (
    id bigint NOT NULL,
    feedback_id bigint NOT NULL,
    author_id bigint NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT feedback_answer_body_check CHECK (((btrim(body) <> ''::text) AND (length(body) <= 4000)))
);

--
-- Name: feedback_answer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.feedback_answer ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.feedback_answer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: feedback_audience; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback_audience (
    feedback_id bigint NOT NULL,
    entity_id bigint NOT NULL
);

--
-- Name: feedback_flag; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback_flag (
    feedback_id bigint NOT NULL,
    user_id bigint NOT NULL,
    reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    CONSTRAINT feedback_flag_reason_check CHECK (((reason IS NULL) OR (length(reason) <= 500)))
);

--
-- Name: feedback_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.feedback ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.feedback_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: feedback_review_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback_review_event (
    id bigint NOT NULL,
    feedback_id bigint NOT NULL,
    actor_id bigint NOT NULL,
    review text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: feedback_review_event_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.feedback_review_event ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.feedback_review_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: gcm_action; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.gcm_action (
    letter character(1) NOT NULL,
    title text NOT NULL,
    source_ref text NOT NULL,
    CONSTRAINT gcm_action_letter_check CHECK (((letter >= 'a'::bpchar) AND (letter <= 'j'::bpchar)))
);

--
-- Name: gcm_action_translation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.gcm_action_translation (
    letter character(1) NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    CONSTRAINT gcm_action_translation_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT gcm_action_translation_title_check CHECK ((btrim(title) <> ''::text))
);

--
-- Name: invitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invitation (
    token_hash bytea NOT NULL,
    user_id bigint NOT NULL,
    created_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone
);

--
-- Name: known_device; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.known_device (
    token_hash bytea NOT NULL,
    user_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: measure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure (
    number smallint NOT NULL,
    theme_code text NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    source_ref text NOT NULL,
    source_url text NOT NULL,
    CONSTRAINT measure_number_check CHECK (((number >= 1) AND (number <= 20))),
    CONSTRAINT measure_source_url_check CHECK ((source_url ~ '^https://'::text))
);

--
-- Name: measure_gcm_action; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_gcm_action (
    measure_number smallint NOT NULL,
    action_letter character(1) NOT NULL
);

--
-- Name: measure_sdg_target; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_sdg_target (
    measure_number smallint NOT NULL,
    target_code text NOT NULL
);

--
-- Name: measure_theme; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_theme (
    code text NOT NULL,
    "position" smallint NOT NULL,
    title text NOT NULL,
    CONSTRAINT measure_theme_code_check CHECK ((code ~ '^[a-z]+(-[a-z]+)*$'::text))
);

--
-- Name: measure_theme_translation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_theme_translation (
    code text NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    CONSTRAINT measure_theme_translation_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT measure_theme_translation_title_check CHECK ((btrim(title) <> ''::text))
);

--
-- Name: measure_translation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_translation (
    number smallint NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    CONSTRAINT measure_translation_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT measure_translation_summary_check CHECK ((btrim(summary) <> ''::text)),
    CONSTRAINT measure_translation_title_check CHECK ((btrim(title) <> ''::text))
);

--
-- Name: milestone; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestone (
    id bigint NOT NULL,
    pledge_id bigint NOT NULL,
    stage text NOT NULL,
    "position" integer NOT NULL,
    title text NOT NULL,
    due_date date,
    status text DEFAULT 'not_started'::text NOT NULL,
    percent_complete smallint DEFAULT 0 NOT NULL,
    completed_on date,
    notes text DEFAULT ''::text NOT NULL,
    validation text,
    validation_reason text,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT milestone_check CHECK (((status = 'done'::text) = (completed_on IS NOT NULL))),
    CONSTRAINT milestone_check1 CHECK (((status <> 'done'::text) OR (percent_complete = 100))),
    CONSTRAINT milestone_notes_check CHECK ((length(notes) <= 10000)),
    CONSTRAINT milestone_percent_complete_check CHECK (((percent_complete >= 0) AND (percent_complete <= 100))),
    CONSTRAINT milestone_stage_check CHECK ((stage = ANY (ARRAY['commitment'::text, 'implementation'::text, 'evaluation'::text]))),
    CONSTRAINT milestone_status_check CHECK ((status = ANY (ARRAY['not_started'::text, 'on_track'::text, 'at_risk'::text, 'delayed'::text, 'done'::text, 'dropped'::text]))),
    CONSTRAINT milestone_title_check CHECK (((btrim(title) <> ''::text) AND (length(title) <= 300))),
    CONSTRAINT milestone_validation_check CHECK ((validation = ANY (ARRAY['pending'::text, 'validated'::text, 'sent_back'::text])))
);

--
-- Name: milestone_evidence; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestone_evidence (
    id bigint NOT NULL,
    milestone_id bigint NOT NULL,
    "position" integer NOT NULL,
    title text NOT NULL,
    url text NOT NULL,
    CONSTRAINT milestone_evidence_title_check CHECK (((btrim(title) <> ''::text) AND (length(title) <= 200))),
    CONSTRAINT milestone_evidence_url_check CHECK (((url ~ '^https?://[^\s]+$'::text) AND (length(url) <= 2000)))
);

--
-- Name: milestone_evidence_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.milestone_evidence ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.milestone_evidence_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: milestone_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.milestone ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.milestone_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: milestone_revision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.milestone_revision (
    milestone_id bigint NOT NULL,
    pledge_id bigint NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    stage text NOT NULL,
    status text NOT NULL,
    due_date date,
    completed_on date,
    percent_complete smallint NOT NULL,
    validation text
);

--
-- Name: moderation_decision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.moderation_decision (
    id bigint NOT NULL,
    feedback_id bigint NOT NULL,
    actor_id bigint,
    decision text NOT NULL,
    reason text DEFAULT ''::text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT moderation_decision_decision_check CHECK ((decision = ANY (ARRAY['published'::text, 'hidden'::text, 'restored'::text, 'hidden_by_flags'::text]))),
    CONSTRAINT moderation_decision_reason_check CHECK ((length(reason) <= 500))
);

--
-- Name: moderation_decision_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.moderation_decision ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.moderation_decision_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: panel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.panel (
    id bigint NOT NULL,
    name text NOT NULL,
    facilitator_id bigint,
    flag_threshold smallint DEFAULT 3 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT panel_flag_threshold_check CHECK (((flag_threshold >= 1) AND (flag_threshold <= 50))),
    CONSTRAINT panel_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 120)))
);

--
-- Name: panel_country; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.panel_country (
    panel_id bigint NOT NULL,
    country_iso3 character(3) NOT NULL
);

--
-- Name: panel_facilitator_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.panel_facilitator_change (
    id bigint NOT NULL,
    panel_id bigint NOT NULL,
    facilitator_id bigint,
    changed_by bigint,
    at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: panel_facilitator_change_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.panel_facilitator_change ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.panel_facilitator_change_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: panel_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.panel ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.panel_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: panel_invitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.panel_invitation (
    token_hash bytea NOT NULL,
    panel_id bigint NOT NULL,
    created_by bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL
);

--
-- Name: panel_member; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.panel_member (
    user_id bigint NOT NULL,
    panel_id bigint NOT NULL,
    joined_at timestamp with time zone DEFAULT now() NOT NULL,
    consent_version integer,
    consented_at timestamp with time zone
);

--
-- Name: pledge; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge (
    id bigint NOT NULL,
    owner_entity_id bigint NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    grf_id text,
    kind text NOT NULL,
    start_date date,
    target_date date,
    visibility text DEFAULT 'public'::text NOT NULL,
    withdrawn_at timestamp with time zone,
    withdrawn_reason text,
    status text DEFAULT 'planning'::text NOT NULL,
    current_stage text,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_activity_at timestamp with time zone DEFAULT now() NOT NULL,
    search tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, title), 'A'::"char") || setweight(to_tsvector('english'::regconfig, description), 'B'::"char"))) STORED,
    commitment_total smallint DEFAULT 0 NOT NULL,
    commitment_done smallint DEFAULT 0 NOT NULL,
    implementation_total smallint DEFAULT 0 NOT NULL,
    implementation_done smallint DEFAULT 0 NOT NULL,
    evaluation_total smallint DEFAULT 0 NOT NULL,
    evaluation_done smallint DEFAULT 0 NOT NULL,
    open_due_dates date[] DEFAULT '{}'::date[] NOT NULL,
    language text DEFAULT 'en'::text NOT NULL,
    CONSTRAINT pledge_check CHECK (((target_date IS NULL) OR (start_date IS NULL) OR (target_date >= start_date))),
    CONSTRAINT pledge_current_stage_check CHECK ((current_stage = ANY (ARRAY['commitment'::text, 'implementation'::text, 'evaluation'::text]))),
    CONSTRAINT pledge_description_check CHECK ((length(description) <= 10000)),
    CONSTRAINT pledge_grf_id_check CHECK ((grf_id ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,39}$'::text)),
    CONSTRAINT pledge_kind_check CHECK ((kind = ANY (ARRAY['policy'::text, 'financial'::text, 'technical'::text, 'material'::text]))),
    CONSTRAINT pledge_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'en'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT pledge_status_check CHECK ((status = ANY (ARRAY['planning'::text, 'in_progress'::text, 'fulfilled'::text, 'withdrawn'::text]))),
    CONSTRAINT pledge_title_check CHECK (((btrim(title) <> ''::text) AND (length(title) <= 300))),
    CONSTRAINT pledge_visibility_check CHECK ((visibility = ANY (ARRAY['public'::text, 'restricted'::text])))
);

--
-- Name: pledge_co_owner; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge_co_owner (
    pledge_id bigint NOT NULL,
    entity_id bigint NOT NULL
);

--
-- Name: pledge_country; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge_country (
    pledge_id bigint NOT NULL,
    country_iso3 character(3) NOT NULL
);

--
-- Name: pledge_gcm_action; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge_gcm_action (
    pledge_id bigint NOT NULL,
    action_letter character(1) NOT NULL
);

--
-- Name: pledge_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.pledge ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.pledge_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: pledge_measure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge_measure (
    pledge_id bigint NOT NULL,
    measure_number smallint NOT NULL
);

--
-- Name: pledge_revision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge_revision (
    pledge_id bigint NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    withdrawn boolean NOT NULL
);

--
-- Name: pledge_sdg_target; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pledge_sdg_target (
    pledge_id bigint NOT NULL,
    target_code text NOT NULL
);

--
-- Name: recovery_code; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recovery_code (
    user_id bigint NOT NULL,
    code_hash bytea NOT NULL,
    used_at timestamp with time zone
);

--
-- Name: schema_migration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migration (
    version integer NOT NULL,
    file_name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: sdg_goal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sdg_goal (
    number smallint NOT NULL,
    title text NOT NULL
);

--
-- Name: sdg_goal_translation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sdg_goal_translation (
    number smallint NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    CONSTRAINT sdg_goal_translation_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT sdg_goal_translation_title_check CHECK ((btrim(title) <> ''::text))
);

--
-- Name: sdg_target; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sdg_target (
    code text NOT NULL,
    goal_number smallint NOT NULL,
    "position" smallint NOT NULL,
    title text NOT NULL,
    CONSTRAINT sdg_target_code_check CHECK ((code ~ '^[0-9]+\.[0-9]+$'::text))
);

--
-- Name: sdg_target_translation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sdg_target_translation (
    code text NOT NULL,
    language text NOT NULL,
    title text NOT NULL,
    CONSTRAINT sdg_target_translation_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT sdg_target_translation_title_check CHECK ((btrim(title) <> ''::text))
);

--
-- Name: second_factor_failure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.second_factor_failure (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: second_factor_failure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.second_factor_failure ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.second_factor_failure_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: security_notice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.security_notice (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    kind text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    seen_at timestamp with time zone,
    CONSTRAINT security_notice_kind_check CHECK ((kind = ANY (ARRAY['second_factor_enrolled'::text, 'second_factor_replaced'::text, 'recovery_code_used'::text, 'roles_changed'::text, 'second_factor_locked'::text, 'password_changed'::text])))
);

--
-- Name: security_notice_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.security_notice ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.security_notice_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: sign_in_failure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sign_in_failure (
    id bigint NOT NULL,
    email text NOT NULL,
    client_address text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    known_device boolean DEFAULT false NOT NULL
);

--
-- Name: sign_in_failure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.sign_in_failure ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.sign_in_failure_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: state_history_start; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.state_history_start (
    only_row boolean DEFAULT true NOT NULL,
    complete_from timestamp with time zone NOT NULL,
    CONSTRAINT state_history_start_only_row_check CHECK (only_row)
);

--
-- Name: un_region; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.un_region (
    code character(3) NOT NULL,
    name text NOT NULL,
    parent_code character(3),
    CONSTRAINT un_region_code_check CHECK ((code ~ '^[0-9]{3}$'::text))
);

--
-- Name: un_region_name; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.un_region_name (
    code character(3) NOT NULL,
    language text NOT NULL,
    name text NOT NULL,
    CONSTRAINT un_region_name_language_check CHECK ((language = ANY (ARRAY['ar'::text, 'zh'::text, 'fr'::text, 'ru'::text, 'es'::text]))),
    CONSTRAINT un_region_name_name_check CHECK ((btrim(name) <> ''::text))
);

--
-- Name: user_role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_role (
    user_id bigint NOT NULL,
    role text NOT NULL,
    CONSTRAINT user_role_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'secretariat'::text, 'focal_point'::text, 'panel_facilitator'::text, 'panel_member'::text])))
);

--
-- Name: user_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_session (
    token_hash bytea NOT NULL,
    user_id bigint NOT NULL,
    csrf_token text NOT NULL,
    second_factor_done boolean NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    idle_timeout interval NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    client_address text DEFAULT ''::text NOT NULL,
    user_agent text DEFAULT ''::text NOT NULL,
    proposed_totp_secret text,
    second_factor_failures integer DEFAULT 0 NOT NULL
);

--
-- Name: app_user app_user_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_email_key UNIQUE (email);

--
-- Name: app_user app_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_pkey PRIMARY KEY (id);

--
-- Name: audit_event audit_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id);

--
-- Name: change_event change_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_event
    ADD CONSTRAINT change_event_pkey PRIMARY KEY (id);

--
-- Name: common_password common_password_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.common_password
    ADD CONSTRAINT common_password_pkey PRIMARY KEY (password);

--
-- Name: consent_notice consent_notice_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_notice
    ADD CONSTRAINT consent_notice_pkey PRIMARY KEY (version);

--
-- Name: country country_iso2_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.country
    ADD CONSTRAINT country_iso2_key UNIQUE (iso2);

--
-- Name: country country_m49_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.country
    ADD CONSTRAINT country_m49_key UNIQUE (m49);

--
-- Name: country_name country_name_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.country_name
    ADD CONSTRAINT country_name_pkey PRIMARY KEY (iso3, language);

--
-- Name: country country_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.country
    ADD CONSTRAINT country_pkey PRIMARY KEY (iso3);

--
-- Name: dashboard_cell dashboard_cell_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_cell
    ADD CONSTRAINT dashboard_cell_pkey PRIMARY KEY (audience, dim, k1, k2);

--
-- Name: dashboard_day dashboard_day_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_day
    ADD CONSTRAINT dashboard_day_pkey PRIMARY KEY (only_row);

--
-- Name: dashboard_pending dashboard_pending_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_pending
    ADD CONSTRAINT dashboard_pending_pkey PRIMARY KEY (xid, pledge_id);

--
-- Name: dashboard_pledge dashboard_pledge_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_pledge
    ADD CONSTRAINT dashboard_pledge_pkey PRIMARY KEY (pledge_id);

--
-- Name: data_version data_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.data_version
    ADD CONSTRAINT data_version_pkey PRIMARY KEY (shard);

--
-- Name: entity_member entity_member_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity_member
    ADD CONSTRAINT entity_member_pkey PRIMARY KEY (user_id, entity_id);

--
-- Name: entity entity_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity
    ADD CONSTRAINT entity_name_key UNIQUE (name);

--
-- Name: entity entity_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity
    ADD CONSTRAINT entity_pkey PRIMARY KEY (id);

--
-- Name: feedback_answer feedback_answer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_answer
    ADD CONSTRAINT feedback_answer_pkey PRIMARY KEY (id);

--
-- Name: feedback_audience feedback_audience_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_audience
    ADD CONSTRAINT feedback_audience_pkey PRIMARY KEY (feedback_id, entity_id);

--
-- Name: feedback_flag feedback_flag_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_flag
    ADD CONSTRAINT feedback_flag_pkey PRIMARY KEY (feedback_id, user_id);

--
-- Name: feedback feedback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_pkey PRIMARY KEY (id);

--
-- Name: feedback_review_event feedback_review_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_review_event
    ADD CONSTRAINT feedback_review_event_pkey PRIMARY KEY (id);

--
-- Name: gcm_action gcm_action_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.gcm_action
    ADD CONSTRAINT gcm_action_pkey PRIMARY KEY (letter);

--
-- Name: gcm_action_translation gcm_action_translation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.gcm_action_translation
    ADD CONSTRAINT gcm_action_translation_pkey PRIMARY KEY (letter, language);

--
-- Name: invitation invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_pkey PRIMARY KEY (token_hash);

--
-- Name: known_device known_device_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.known_device
    ADD CONSTRAINT known_device_pkey PRIMARY KEY (token_hash);

--
-- Name: measure_gcm_action measure_gcm_action_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_gcm_action
    ADD CONSTRAINT measure_gcm_action_pkey PRIMARY KEY (measure_number, action_letter);

--
-- Name: measure measure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_pkey PRIMARY KEY (number);

--
-- Name: measure_sdg_target measure_sdg_target_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_sdg_target
    ADD CONSTRAINT measure_sdg_target_pkey PRIMARY KEY (measure_number, target_code);

--
-- Name: measure_theme measure_theme_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_theme
    ADD CONSTRAINT measure_theme_pkey PRIMARY KEY (code);

--
-- Name: measure_theme measure_theme_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_theme
    ADD CONSTRAINT measure_theme_position_key UNIQUE ("position");

--
-- Name: measure_theme_translation measure_theme_translation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_theme_translation
    ADD CONSTRAINT measure_theme_translation_pkey PRIMARY KEY (code, language);

--
-- Name: measure_translation measure_translation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_translation
    ADD CONSTRAINT measure_translation_pkey PRIMARY KEY (number, language);

--
-- Name: milestone_evidence milestone_evidence_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_evidence
    ADD CONSTRAINT milestone_evidence_pkey PRIMARY KEY (id);

--
-- Name: milestone milestone_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone
    ADD CONSTRAINT milestone_pkey PRIMARY KEY (id);

--
-- Name: milestone_revision milestone_revision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_revision
    ADD CONSTRAINT milestone_revision_pkey PRIMARY KEY (milestone_id, valid_from);

--
-- Name: milestone_translation milestone_translation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_translation
    ADD CONSTRAINT milestone_translation_pkey PRIMARY KEY (milestone_id, language);

--
-- Name: moderation_decision moderation_decision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation_decision
    ADD CONSTRAINT moderation_decision_pkey PRIMARY KEY (id);

--
-- Name: panel_country panel_country_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_country
    ADD CONSTRAINT panel_country_pkey PRIMARY KEY (panel_id, country_iso3);

--
-- Name: panel_facilitator_change panel_facilitator_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_facilitator_change
    ADD CONSTRAINT panel_facilitator_change_pkey PRIMARY KEY (id);

--
-- Name: panel_invitation panel_invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_invitation
    ADD CONSTRAINT panel_invitation_pkey PRIMARY KEY (token_hash);

--
-- Name: panel_member panel_member_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_member
    ADD CONSTRAINT panel_member_pkey PRIMARY KEY (user_id);

--
-- Name: panel panel_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel
    ADD CONSTRAINT panel_name_key UNIQUE (name);

--
-- Name: panel panel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel
    ADD CONSTRAINT panel_pkey PRIMARY KEY (id);

--
-- Name: pledge_co_owner pledge_co_owner_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_co_owner
    ADD CONSTRAINT pledge_co_owner_pkey PRIMARY KEY (pledge_id, entity_id);

--
-- Name: pledge_country pledge_country_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_country
    ADD CONSTRAINT pledge_country_pkey PRIMARY KEY (pledge_id, country_iso3);

--
-- Name: pledge_gcm_action pledge_gcm_action_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_gcm_action
    ADD CONSTRAINT pledge_gcm_action_pkey PRIMARY KEY (pledge_id, action_letter);

--
-- Name: pledge pledge_grf_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge
    ADD CONSTRAINT pledge_grf_id_key UNIQUE (grf_id);

--
-- Name: pledge_measure pledge_measure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_measure
    ADD CONSTRAINT pledge_measure_pkey PRIMARY KEY (pledge_id, measure_number);

--
-- Name: pledge pledge_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge
    ADD CONSTRAINT pledge_pkey PRIMARY KEY (id);

--
-- Name: pledge_revision pledge_revision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_revision
    ADD CONSTRAINT pledge_revision_pkey PRIMARY KEY (pledge_id, valid_from);

--
-- Name: pledge_sdg_target pledge_sdg_target_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_sdg_target
    ADD CONSTRAINT pledge_sdg_target_pkey PRIMARY KEY (pledge_id, target_code);

--
-- Name: pledge_translation pledge_translation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_translation
    ADD CONSTRAINT pledge_translation_pkey PRIMARY KEY (pledge_id, language);

--
-- Name: recovery_code recovery_code_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recovery_code
    ADD CONSTRAINT recovery_code_pkey PRIMARY KEY (user_id, code_hash);

--
-- Name: schema_migration schema_migration_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migration
    ADD CONSTRAINT schema_migration_pkey PRIMARY KEY (version);

--
-- Name: sdg_goal sdg_goal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_goal
    ADD CONSTRAINT sdg_goal_pkey PRIMARY KEY (number);

--
-- Name: sdg_goal_translation sdg_goal_translation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_goal_translation
    ADD CONSTRAINT sdg_goal_translation_pkey PRIMARY KEY (number, language);

--
-- Name: sdg_target sdg_target_goal_number_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_target
    ADD CONSTRAINT sdg_target_goal_number_position_key UNIQUE (goal_number, "position");

--
-- Name: sdg_target sdg_target_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_target
    ADD CONSTRAINT sdg_target_pkey PRIMARY KEY (code);

--
-- Name: sdg_target_translation sdg_target_translation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_target_translation
    ADD CONSTRAINT sdg_target_translation_pkey PRIMARY KEY (code, language);

--
-- Name: second_factor_failure second_factor_failure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.second_factor_failure
    ADD CONSTRAINT second_factor_failure_pkey PRIMARY KEY (id);

--
-- Name: security_notice security_notice_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.security_notice
    ADD CONSTRAINT security_notice_pkey PRIMARY KEY (id);

--
-- Name: sign_in_failure sign_in_failure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_failure
    ADD CONSTRAINT sign_in_failure_pkey PRIMARY KEY (id);

--
-- Name: state_history_start state_history_start_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.state_history_start
    ADD CONSTRAINT state_history_start_pkey PRIMARY KEY (only_row);

--
-- Name: un_region un_region_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.un_region
    ADD CONSTRAINT un_region_name_key UNIQUE (name);

--
-- Name: un_region_name un_region_name_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.un_region_name
    ADD CONSTRAINT un_region_name_pkey PRIMARY KEY (code, language);

--
-- Name: un_region un_region_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.un_region
    ADD CONSTRAINT un_region_pkey PRIMARY KEY (code);

--
-- Name: user_role user_role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_role
    ADD CONSTRAINT user_role_pkey PRIMARY KEY (user_id, role);

--
-- Name: user_session user_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_session
    ADD CONSTRAINT user_session_pkey PRIMARY KEY (token_hash);

--
-- Name: app_user_pseudonym_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX app_user_pseudonym_idx ON public.app_user USING btree (lower(pseudonym));

--
-- Name: audit_event_action_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_event_action_idx ON public.audit_event USING btree (action, at DESC);

--
-- Name: audit_event_actor_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_event_actor_idx ON public.audit_event USING btree (actor_id, at DESC);

--
-- Name: audit_event_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_event_at_idx ON public.audit_event USING btree (at DESC, id DESC);

--
-- Name: change_event_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_event_at_idx ON public.change_event USING btree (at);

--
-- Name: change_event_pledge_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_event_pledge_idx ON public.change_event USING btree (pledge_id, at DESC);

--
-- Name: country_region_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX country_region_idx ON public.country USING btree (region_code, sub_region_code);

--
-- Name: dashboard_cell_second_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dashboard_cell_second_key_idx ON public.dashboard_cell USING btree (audience, dim, k2);

--
-- Name: dashboard_delta_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dashboard_delta_key_idx ON public.dashboard_delta USING btree (audience, dim, k1, k2);

--
-- Name: dashboard_delta_second_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dashboard_delta_second_key_idx ON public.dashboard_delta USING btree (audience, dim, k2);

--
-- Name: entity_member_entity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX entity_member_entity_idx ON public.entity_member USING btree (entity_id);

--
-- Name: feedback_answer_feedback_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_answer_feedback_idx ON public.feedback_answer USING btree (feedback_id, created_at);

--
-- Name: feedback_audience_entity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_audience_entity_idx ON public.feedback_audience USING btree (entity_id);

--
-- Name: feedback_author_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_author_idx ON public.feedback USING btree (author_id);

--
-- Name: feedback_flag_open_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_flag_open_idx ON public.feedback_flag USING btree (feedback_id) WHERE (closed_at IS NULL);

--
-- Name: feedback_panel_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_panel_idx ON public.feedback USING btree (panel_id, created_at DESC);

--
-- Name: feedback_pledge_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_pledge_idx ON public.feedback USING btree (pledge_id);

--
-- Name: feedback_public_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_public_idx ON public.feedback USING btree (created_at DESC) WHERE ((scope = 'public'::text) AND (moderation = 'published'::text));

--
-- Name: feedback_recent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX feedback_recent_idx ON public.feedback USING btree (created_at DESC, id DESC);

--
-- Name: invitation_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invitation_user_idx ON public.invitation USING btree (user_id);

--
-- Name: known_device_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX known_device_user_idx ON public.known_device USING btree (user_id);

--
-- Name: milestone_completed_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX milestone_completed_idx ON public.milestone USING btree (completed_on) WHERE (status = 'done'::text);

--
-- Name: milestone_evidence_milestone_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX milestone_evidence_milestone_idx ON public.milestone_evidence USING btree (milestone_id, "position");

--
-- Name: milestone_open_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX milestone_open_due_idx ON public.milestone USING btree (due_date) WHERE (status <> ALL (ARRAY['done'::text, 'dropped'::text]));

--
-- Name: milestone_pledge_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX milestone_pledge_idx ON public.milestone USING btree (pledge_id, stage, "position");

--
-- Name: milestone_revision_from_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX milestone_revision_from_idx ON public.milestone_revision USING btree (valid_from);

--
-- Name: moderation_decision_feedback_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX moderation_decision_feedback_idx ON public.moderation_decision USING btree (feedback_id, at);

--
-- Name: panel_facilitator_change_panel_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX panel_facilitator_change_panel_idx ON public.panel_facilitator_change USING btree (panel_id, at DESC);

--
-- Name: panel_facilitator_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX panel_facilitator_idx ON public.panel USING btree (facilitator_id);

--
-- Name: panel_member_panel_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX panel_member_panel_idx ON public.panel_member USING btree (panel_id);

--
-- Name: pledge_activity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_activity_idx ON public.pledge USING btree (last_activity_at);

--
-- Name: pledge_co_owner_entity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_co_owner_entity_idx ON public.pledge_co_owner USING btree (entity_id);

--
-- Name: pledge_country_country_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_country_country_idx ON public.pledge_country USING btree (country_iso3);

--
-- Name: pledge_gcm_action_action_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_gcm_action_action_idx ON public.pledge_gcm_action USING btree (action_letter);

--
-- Name: pledge_listing_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_listing_idx ON public.pledge USING btree (visibility, status, current_stage);

--
-- Name: pledge_measure_measure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_measure_measure_idx ON public.pledge_measure USING btree (measure_number);

--
-- Name: pledge_owner_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_owner_idx ON public.pledge USING btree (owner_entity_id);

--
-- Name: pledge_sdg_target_target_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_sdg_target_target_idx ON public.pledge_sdg_target USING btree (target_code);

--
-- Name: pledge_search_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_search_idx ON public.pledge USING gin (search);

--
-- Name: pledge_stage_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_stage_idx ON public.pledge USING btree (current_stage);

--
-- Name: pledge_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pledge_status_idx ON public.pledge USING btree (status);

--
-- Name: second_factor_failure_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX second_factor_failure_user_idx ON public.second_factor_failure USING btree (user_id, at);

--
-- Name: security_notice_unseen_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX security_notice_unseen_idx ON public.security_notice USING btree (user_id) WHERE (seen_at IS NULL);

--
-- Name: sign_in_failure_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sign_in_failure_client_idx ON public.sign_in_failure USING btree (client_address, at);

--
-- Name: sign_in_failure_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sign_in_failure_email_idx ON public.sign_in_failure USING btree (email, at);

--
-- Name: user_session_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_session_user_idx ON public.user_session USING btree (user_id) WHERE (ended_at IS NULL);

--
-- Name: dashboard_pending dashboard_apply; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER dashboard_apply AFTER INSERT ON public.dashboard_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((new.pledge_id = 0)) EXECUTE FUNCTION public.dashboard_apply_pending();

--
-- Name: pledge dashboard_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_deleted AFTER DELETE ON public.pledge REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_pledges();

--
-- Name: pledge_country dashboard_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_deleted AFTER DELETE ON public.pledge_country REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_gcm_action dashboard_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_deleted AFTER DELETE ON public.pledge_gcm_action REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_measure dashboard_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_deleted AFTER DELETE ON public.pledge_measure REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_sdg_target dashboard_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_deleted AFTER DELETE ON public.pledge_sdg_target REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge dashboard_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_inserted AFTER INSERT ON public.pledge REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_pledges();

--
-- Name: pledge_country dashboard_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_inserted AFTER INSERT ON public.pledge_country REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_gcm_action dashboard_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_inserted AFTER INSERT ON public.pledge_gcm_action REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_measure dashboard_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_inserted AFTER INSERT ON public.pledge_measure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_sdg_target dashboard_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_inserted AFTER INSERT ON public.pledge_sdg_target REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge dashboard_truncated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_truncated AFTER TRUNCATE ON public.pledge FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_pledges();

--
-- Name: pledge_country dashboard_truncated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_truncated AFTER TRUNCATE ON public.pledge_country FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_gcm_action dashboard_truncated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_truncated AFTER TRUNCATE ON public.pledge_gcm_action FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_measure dashboard_truncated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_truncated AFTER TRUNCATE ON public.pledge_measure FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_sdg_target dashboard_truncated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_truncated AFTER TRUNCATE ON public.pledge_sdg_target FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge dashboard_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_updated AFTER UPDATE ON public.pledge REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_pledges();

--
-- Name: pledge_country dashboard_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_updated AFTER UPDATE ON public.pledge_country REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_gcm_action dashboard_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_updated AFTER UPDATE ON public.pledge_gcm_action REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_measure dashboard_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_updated AFTER UPDATE ON public.pledge_measure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: pledge_sdg_target dashboard_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dashboard_updated AFTER UPDATE ON public.pledge_sdg_target REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_enqueue_rows();

--
-- Name: app_user guard_survivor_account; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER guard_survivor_account BEFORE UPDATE ON public.app_user FOR EACH ROW EXECUTE FUNCTION public.guard_survivor_account();

--
-- Name: invitation guard_survivor_invitation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER guard_survivor_invitation BEFORE INSERT ON public.invitation FOR EACH ROW EXECUTE FUNCTION public.guard_survivor_invitation();

--
-- Name: user_role guard_survivor_roles; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER guard_survivor_roles BEFORE INSERT ON public.user_role FOR EACH ROW EXECUTE FUNCTION public.guard_survivor_roles();

--
-- Name: feedback_flag hide_flagged_feedback; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER hide_flagged_feedback AFTER INSERT ON public.feedback_flag FOR EACH ROW EXECUTE FUNCTION public.hide_flagged_feedback();

--
-- Name: milestone milestone_revisions_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER milestone_revisions_inserted AFTER INSERT ON public.milestone REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.milestone_revisions_inserted();

--
-- Name: milestone milestone_revisions_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER milestone_revisions_updated AFTER UPDATE ON public.milestone REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.milestone_revisions_updated();

--
-- Name: milestone milestones_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER milestones_deleted AFTER DELETE ON public.milestone REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.milestones_changed();

--
-- Name: milestone milestones_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER milestones_inserted AFTER INSERT ON public.milestone REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.milestones_changed();

--
-- Name: milestone milestones_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER milestones_updated AFTER UPDATE ON public.milestone REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.milestones_changed();

--
-- Name: pledge pledge_revision_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pledge_revision_inserted AFTER INSERT ON public.pledge FOR EACH ROW EXECUTE FUNCTION public.pledge_revision_written();

--
-- Name: pledge pledge_revision_withdrawal; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pledge_revision_withdrawal AFTER UPDATE OF withdrawn_at ON public.pledge FOR EACH ROW WHEN ((old.withdrawn_at IS DISTINCT FROM new.withdrawn_at)) EXECUTE FUNCTION public.pledge_revision_written();

--
-- Name: pledge pledge_withdrawal; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pledge_withdrawal BEFORE UPDATE OF withdrawn_at ON public.pledge FOR EACH ROW EXECUTE FUNCTION public.pledge_withdrawal_changed();

--
-- Name: feedback record_feedback_audience; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_feedback_audience AFTER INSERT ON public.feedback FOR EACH ROW EXECUTE FUNCTION public.record_feedback_audience();

--
-- Name: app_user touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER UPDATE OF display_name ON public.app_user DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: change_event touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.change_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: entity touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.entity DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: entity_member touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.entity_member DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: feedback touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.feedback DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: feedback_answer touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.feedback_answer DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: feedback_audience touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.feedback_audience DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: feedback_flag touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.feedback_flag DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: milestone touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.milestone DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: milestone_evidence touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.milestone_evidence DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: milestone_translation touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.milestone_translation DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: moderation_decision touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.moderation_decision DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: panel touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.panel DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: panel_country touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.panel_country DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: panel_facilitator_change touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.panel_facilitator_change DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: panel_member touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.panel_member DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.pledge DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_co_owner touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.pledge_co_owner DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_country touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.pledge_country DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_gcm_action touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.pledge_gcm_action DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_measure touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.pledge_measure DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_sdg_target touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.pledge_sdg_target DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_translation touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.pledge_translation DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: user_role touch_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE ON public.user_role DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.touch_data_version();

--
-- Name: change_event touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.change_event FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: entity touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.entity FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: entity_member touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.entity_member FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: feedback touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.feedback FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: feedback_answer touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.feedback_answer FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: feedback_flag touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.feedback_flag FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: milestone touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.milestone FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: milestone_evidence touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.milestone_evidence FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: milestone_translation touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.milestone_translation FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: moderation_decision touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.moderation_decision FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: panel touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.panel FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: panel_country touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.panel_country FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: panel_member touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.panel_member FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.pledge FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_co_owner touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.pledge_co_owner FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_country touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.pledge_country FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_gcm_action touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.pledge_gcm_action FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_measure touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.pledge_measure FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_sdg_target touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.pledge_sdg_target FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: pledge_translation touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.pledge_translation FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: user_role touch_data_version_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON public.user_role FOR EACH STATEMENT EXECUTE FUNCTION public.touch_data_version();

--
-- Name: audit_event audit_event_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_user(id);

--
-- Name: change_event change_event_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_event
    ADD CONSTRAINT change_event_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_user(id);

--
-- Name: change_event change_event_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_event
    ADD CONSTRAINT change_event_milestone_id_fkey FOREIGN KEY (milestone_id) REFERENCES public.milestone(id) ON DELETE SET NULL;

--
-- Name: change_event change_event_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_event
    ADD CONSTRAINT change_event_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: consent_notice consent_notice_published_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_notice
    ADD CONSTRAINT consent_notice_published_by_fkey FOREIGN KEY (published_by) REFERENCES public.app_user(id);

--
-- Name: country_name country_name_iso3_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.country_name
    ADD CONSTRAINT country_name_iso3_fkey FOREIGN KEY (iso3) REFERENCES public.country(iso3) ON DELETE CASCADE;

--
-- Name: country country_region_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.country
    ADD CONSTRAINT country_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.un_region(code);

--
-- Name: country country_sub_region_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.country
    ADD CONSTRAINT country_sub_region_code_fkey FOREIGN KEY (sub_region_code) REFERENCES public.un_region(code);

--
-- Name: entity entity_home_country_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity
    ADD CONSTRAINT entity_home_country_fkey FOREIGN KEY (home_country) REFERENCES public.country(iso3);

--
-- Name: entity_member entity_member_entity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity_member
    ADD CONSTRAINT entity_member_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES public.entity(id);

--
-- Name: entity_member entity_member_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity_member
    ADD CONSTRAINT entity_member_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: feedback_answer feedback_answer_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_answer
    ADD CONSTRAINT feedback_answer_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_user(id);

--
-- Name: feedback_answer feedback_answer_feedback_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_answer
    ADD CONSTRAINT feedback_answer_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES public.feedback(id);

--
-- Name: feedback_audience feedback_audience_entity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_audience
    ADD CONSTRAINT feedback_audience_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES public.entity(id);

--
-- Name: feedback_audience feedback_audience_feedback_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_audience
    ADD CONSTRAINT feedback_audience_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES public.feedback(id) ON DELETE CASCADE;

--
-- Name: feedback feedback_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_user(id);

--
-- Name: feedback_flag feedback_flag_feedback_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_flag
    ADD CONSTRAINT feedback_flag_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES public.feedback(id);

--
-- Name: feedback_flag feedback_flag_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_flag
    ADD CONSTRAINT feedback_flag_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

--
-- Name: feedback feedback_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_milestone_id_fkey FOREIGN KEY (milestone_id) REFERENCES public.milestone(id) ON DELETE SET NULL;

--
-- Name: feedback feedback_panel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES public.panel(id);

--
-- Name: feedback feedback_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id);

--
-- Name: feedback_review_event feedback_review_event_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_review_event
    ADD CONSTRAINT feedback_review_event_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_user(id);

--
-- Name: feedback_review_event feedback_review_event_feedback_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_review_event
    ADD CONSTRAINT feedback_review_event_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES public.feedback(id);

--
-- Name: gcm_action_translation gcm_action_translation_letter_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.gcm_action_translation
    ADD CONSTRAINT gcm_action_translation_letter_fkey FOREIGN KEY (letter) REFERENCES public.gcm_action(letter);

--
-- Name: invitation invitation_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id);

--
-- Name: invitation invitation_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: known_device known_device_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.known_device
    ADD CONSTRAINT known_device_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: measure_gcm_action measure_gcm_action_action_letter_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_gcm_action
    ADD CONSTRAINT measure_gcm_action_action_letter_fkey FOREIGN KEY (action_letter) REFERENCES public.gcm_action(letter);

--
-- Name: measure_gcm_action measure_gcm_action_measure_number_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_gcm_action
    ADD CONSTRAINT measure_gcm_action_measure_number_fkey FOREIGN KEY (measure_number) REFERENCES public.measure(number);

--
-- Name: measure_sdg_target measure_sdg_target_measure_number_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_sdg_target
    ADD CONSTRAINT measure_sdg_target_measure_number_fkey FOREIGN KEY (measure_number) REFERENCES public.measure(number);

--
-- Name: measure_sdg_target measure_sdg_target_target_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_sdg_target
    ADD CONSTRAINT measure_sdg_target_target_code_fkey FOREIGN KEY (target_code) REFERENCES public.sdg_target(code);

--
-- Name: measure measure_theme_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_theme_code_fkey FOREIGN KEY (theme_code) REFERENCES public.measure_theme(code);

--
-- Name: measure_theme_translation measure_theme_translation_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_theme_translation
    ADD CONSTRAINT measure_theme_translation_code_fkey FOREIGN KEY (code) REFERENCES public.measure_theme(code);

--
-- Name: measure_translation measure_translation_number_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_translation
    ADD CONSTRAINT measure_translation_number_fkey FOREIGN KEY (number) REFERENCES public.measure(number);

--
-- Name: milestone_evidence milestone_evidence_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_evidence
    ADD CONSTRAINT milestone_evidence_milestone_id_fkey FOREIGN KEY (milestone_id) REFERENCES public.milestone(id) ON DELETE CASCADE;

--
-- Name: milestone milestone_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone
    ADD CONSTRAINT milestone_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: milestone_revision milestone_revision_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_revision
    ADD CONSTRAINT milestone_revision_milestone_id_fkey FOREIGN KEY (milestone_id) REFERENCES public.milestone(id) ON DELETE CASCADE;

--
-- Name: milestone_revision milestone_revision_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_revision
    ADD CONSTRAINT milestone_revision_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: milestone_translation milestone_translation_milestone_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.milestone_translation
    ADD CONSTRAINT milestone_translation_milestone_id_fkey FOREIGN KEY (milestone_id) REFERENCES public.milestone(id) ON DELETE CASCADE;

--
-- Name: moderation_decision moderation_decision_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation_decision
    ADD CONSTRAINT moderation_decision_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_user(id);

--
-- Name: moderation_decision moderation_decision_feedback_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation_decision
    ADD CONSTRAINT moderation_decision_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES public.feedback(id);

--
-- Name: panel_country panel_country_country_iso3_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_country
    ADD CONSTRAINT panel_country_country_iso3_fkey FOREIGN KEY (country_iso3) REFERENCES public.country(iso3);

--
-- Name: panel_country panel_country_panel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_country
    ADD CONSTRAINT panel_country_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES public.panel(id) ON DELETE CASCADE;

--
-- Name: panel_facilitator_change panel_facilitator_change_changed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_facilitator_change
    ADD CONSTRAINT panel_facilitator_change_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES public.app_user(id);

--
-- Name: panel_facilitator_change panel_facilitator_change_facilitator_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_facilitator_change
    ADD CONSTRAINT panel_facilitator_change_facilitator_id_fkey FOREIGN KEY (facilitator_id) REFERENCES public.app_user(id);

--
-- Name: panel_facilitator_change panel_facilitator_change_panel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_facilitator_change
    ADD CONSTRAINT panel_facilitator_change_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES public.panel(id) ON DELETE CASCADE;

--
-- Name: panel panel_facilitator_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel
    ADD CONSTRAINT panel_facilitator_id_fkey FOREIGN KEY (facilitator_id) REFERENCES public.app_user(id);

--
-- Name: panel_invitation panel_invitation_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_invitation
    ADD CONSTRAINT panel_invitation_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_user(id);

--
-- Name: panel_invitation panel_invitation_panel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_invitation
    ADD CONSTRAINT panel_invitation_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES public.panel(id) ON DELETE CASCADE;

--
-- Name: panel_member panel_member_consent_version_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_member
    ADD CONSTRAINT panel_member_consent_version_fkey FOREIGN KEY (consent_version) REFERENCES public.consent_notice(version);

--
-- Name: panel_member panel_member_panel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_member
    ADD CONSTRAINT panel_member_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES public.panel(id);

--
-- Name: panel_member panel_member_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.panel_member
    ADD CONSTRAINT panel_member_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: pledge_co_owner pledge_co_owner_entity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_co_owner
    ADD CONSTRAINT pledge_co_owner_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES public.entity(id);

--
-- Name: pledge_co_owner pledge_co_owner_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_co_owner
    ADD CONSTRAINT pledge_co_owner_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: pledge_country pledge_country_country_iso3_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_country
    ADD CONSTRAINT pledge_country_country_iso3_fkey FOREIGN KEY (country_iso3) REFERENCES public.country(iso3);

--
-- Name: pledge_country pledge_country_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_country
    ADD CONSTRAINT pledge_country_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: pledge_gcm_action pledge_gcm_action_action_letter_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_gcm_action
    ADD CONSTRAINT pledge_gcm_action_action_letter_fkey FOREIGN KEY (action_letter) REFERENCES public.gcm_action(letter);

--
-- Name: pledge_gcm_action pledge_gcm_action_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_gcm_action
    ADD CONSTRAINT pledge_gcm_action_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: pledge_measure pledge_measure_measure_number_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_measure
    ADD CONSTRAINT pledge_measure_measure_number_fkey FOREIGN KEY (measure_number) REFERENCES public.measure(number);

--
-- Name: pledge_measure pledge_measure_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_measure
    ADD CONSTRAINT pledge_measure_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: pledge pledge_owner_entity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge
    ADD CONSTRAINT pledge_owner_entity_id_fkey FOREIGN KEY (owner_entity_id) REFERENCES public.entity(id);

--
-- Name: pledge_revision pledge_revision_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_revision
    ADD CONSTRAINT pledge_revision_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: pledge_sdg_target pledge_sdg_target_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_sdg_target
    ADD CONSTRAINT pledge_sdg_target_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: pledge_sdg_target pledge_sdg_target_target_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_sdg_target
    ADD CONSTRAINT pledge_sdg_target_target_code_fkey FOREIGN KEY (target_code) REFERENCES public.sdg_target(code);

--
-- Name: pledge_translation pledge_translation_pledge_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_translation
    ADD CONSTRAINT pledge_translation_pledge_id_fkey FOREIGN KEY (pledge_id) REFERENCES public.pledge(id) ON DELETE CASCADE;

--
-- Name: pledge_translation pledge_translation_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pledge_translation
    ADD CONSTRAINT pledge_translation_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_user(id) ON DELETE SET NULL;

--
-- Name: recovery_code recovery_code_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recovery_code
    ADD CONSTRAINT recovery_code_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: sdg_goal_translation sdg_goal_translation_number_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_goal_translation
    ADD CONSTRAINT sdg_goal_translation_number_fkey FOREIGN KEY (number) REFERENCES public.sdg_goal(number);

--
-- Name: sdg_target sdg_target_goal_number_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_target
    ADD CONSTRAINT sdg_target_goal_number_fkey FOREIGN KEY (goal_number) REFERENCES public.sdg_goal(number);

--
-- Name: sdg_target_translation sdg_target_translation_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sdg_target_translation
    ADD CONSTRAINT sdg_target_translation_code_fkey FOREIGN KEY (code) REFERENCES public.sdg_target(code);

--
-- Name: second_factor_failure second_factor_failure_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.second_factor_failure
    ADD CONSTRAINT second_factor_failure_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: security_notice security_notice_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.security_notice
    ADD CONSTRAINT security_notice_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: un_region_name un_region_name_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.un_region_name
    ADD CONSTRAINT un_region_name_code_fkey FOREIGN KEY (code) REFERENCES public.un_region(code);

--
-- Name: un_region un_region_parent_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.un_region
    ADD CONSTRAINT un_region_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.un_region(code);

--
-- Name: user_role user_role_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_role
    ADD CONSTRAINT user_role_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- Name: user_session user_session_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_session
    ADD CONSTRAINT user_session_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--

