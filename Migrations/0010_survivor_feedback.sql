-- Survivor-participation panels and their feedback under measure 18.
--
-- Panel members are survivors of trafficking. They are known by a pseudonym only: no real
-- name, phone or address is asked for or stored; an e-mail is optional and used for sign-in
-- only. Who may read a piece of feedback is decided here, in SQL (feedback_visible_to and
-- the functions beside it), so that every page, count and export asks the database, never
-- only a template.

-- A member signs in with their pseudonym (or the optional e-mail): e-mail becomes optional.
ALTER TABLE app_user ALTER COLUMN email DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN pseudonym text
    CHECK (pseudonym IS NULL OR (length(btrim(pseudonym)) BETWEEN 2 AND 40 AND position('@' IN pseudonym) = 0));
CREATE UNIQUE INDEX app_user_pseudonym_idx ON app_user (lower(pseudonym));
ALTER TABLE app_user ADD CONSTRAINT app_user_can_sign_in CHECK (email IS NOT NULL OR pseudonym IS NOT NULL OR disabled_at IS NOT NULL);

CREATE TABLE panel (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text NOT NULL UNIQUE CHECK (btrim(name) <> '' AND length(name) <= 120),
    facilitator_id bigint REFERENCES app_user (id),
    -- Published feedback with this many open flags is hidden until a moderator looks at it.
    flag_threshold smallint NOT NULL DEFAULT 3 CHECK (flag_threshold BETWEEN 1 AND 50),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_facilitator_idx ON panel (facilitator_id);

CREATE TABLE panel_country (
    panel_id     bigint NOT NULL REFERENCES panel (id) ON DELETE CASCADE,
    country_iso3 char(3) NOT NULL REFERENCES country (iso3),
    PRIMARY KEY (panel_id, country_iso3)
);

-- A member belongs to one panel.
CREATE TABLE panel_member (
    user_id         bigint PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    panel_id        bigint NOT NULL REFERENCES panel (id),
    joined_at       timestamptz NOT NULL DEFAULT now(),
    consent_version integer,        -- the notice version last accepted; NULL: none yet
    consented_at    timestamptz
);
CREATE INDEX panel_member_panel_idx ON panel_member (panel_id);

-- One-time links a facilitator hands to a new member; only the token's SHA-256 is kept.
CREATE TABLE panel_invitation (
    token_hash bytea PRIMARY KEY,
    panel_id   bigint NOT NULL REFERENCES panel (id) ON DELETE CASCADE,
    created_by bigint NOT NULL REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

-- The consent notice, versioned: a member accepts the current (highest) version before posting.
CREATE TABLE consent_notice (
    version      integer PRIMARY KEY CHECK (version > 0),
    body         text NOT NULL CHECK (btrim(body) <> ''),
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by bigint REFERENCES app_user (id)
);
ALTER TABLE panel_member ADD FOREIGN KEY (consent_version) REFERENCES consent_notice (version);

INSERT INTO consent_notice (version, body) VALUES (1, $notice$
Why we ask. Pledgetrack follows what governments and organisations promised to do against trafficking. Your panel's feedback tells them what is working and what is not, so that the promises are kept. Sharing is your choice; you can take part without posting anything.

What we keep. Your pseudonym, your password (scrambled, so nobody can read it), an e-mail address only if you gave one for signing in, and what you write. We never ask for your real name, phone number or address. Please do not write them, or anything else that could identify you or someone else, in your feedback.

Who can read what. For each piece of feedback you choose who may read it. "Panel only": the members of your panel and its facilitator. "Secretariat": your panel and the pledge's secretariat. "Pledge owners": your panel, the secretariat and the people responsible for the pledge you write about. "Public, without your name": anyone, on the public pages, never with your pseudonym. Only your panel sees your pseudonym. Every time a staff member opens feedback that is not public, the system records who read it.

Before anyone else reads it. Your facilitator (or the secretariat) checks each piece of feedback before it is shown to others. Feedback that readers flag as harmful may be hidden while it is looked at again.

How long we keep it. Feedback is kept while the pledges it speaks about are followed. When that follow-up ends, the secretariat erases the texts. You can withdraw any piece of feedback earlier, at any time.

How to withdraw. You can withdraw any piece of feedback at any time: its text is erased from the database, not just hidden. Answers to it stay, marked "withdrawn feedback". You can also delete your account: your pseudonym is removed, and you choose whether your texts are erased or kept without any link to you.

Staying safe. "Leave this site", at the top of every panel page, hides the page at once. Pressing the Shift key three times does the same.
$notice$);

CREATE TABLE feedback (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id      bigint NOT NULL REFERENCES panel (id),
    author_id     bigint REFERENCES app_user (id),   -- NULL once the author deleted their account
    pledge_id     bigint REFERENCES pledge (id),
    milestone_id  bigint REFERENCES milestone (id) ON DELETE SET NULL,
    scope         text NOT NULL DEFAULT 'panel' CHECK (scope IN ('panel', 'secretariat', 'pledge_owners', 'public')),
    body          text CHECK (body IS NULL OR (btrim(body) <> '' AND length(body) <= 4000)),
    content_note  text CHECK (content_note IS NULL OR (btrim(content_note) <> '' AND length(content_note) <= 200)),
    moderation    text NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'published', 'hidden')),
    review        text NOT NULL DEFAULT 'new' CHECK (review IN ('new', 'acknowledged', 'answered', 'acted_upon')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    withdrawn_at  timestamptz,
    -- Withdrawal erases the text: no withdrawn row keeps any, no live row lacks it.
    CHECK ((withdrawn_at IS NULL) = (body IS NOT NULL)),
    CHECK (withdrawn_at IS NULL OR content_note IS NULL),
    CHECK (scope <> 'pledge_owners' OR pledge_id IS NOT NULL),
    CHECK (milestone_id IS NULL OR pledge_id IS NOT NULL)
);
CREATE INDEX feedback_recent_idx ON feedback (created_at DESC, id DESC);
CREATE INDEX feedback_panel_idx ON feedback (panel_id, created_at DESC);
CREATE INDEX feedback_author_idx ON feedback (author_id);
CREATE INDEX feedback_pledge_idx ON feedback (pledge_id);
CREATE INDEX feedback_public_idx ON feedback (created_at DESC) WHERE scope = 'public' AND moderation = 'published';

-- Whether a pledge is carried out in one of a panel's countries. Feedback about a pledge
-- elsewhere is allowed, and shown to the facilitator as such.
CREATE FUNCTION pledge_in_panel_countries(pledge bigint, panel bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pledge_country pc JOIN panel_country k ON k.country_iso3 = pc.country_iso3
                   WHERE pc.pledge_id = pledge AND k.panel_id = panel)
$$;

-- Answers by the secretariat and the pledge's focal points; they stay when feedback is withdrawn.
CREATE TABLE feedback_answer (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feedback_id bigint NOT NULL REFERENCES feedback (id),
    author_id   bigint NOT NULL REFERENCES app_user (id),
    body        text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 4000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_answer_feedback_idx ON feedback_answer (feedback_id, created_at);

-- A reader's flag: one per reader and item; a moderator's decision closes the open flags.
CREATE TABLE feedback_flag (
    feedback_id bigint NOT NULL REFERENCES feedback (id),
    user_id     bigint NOT NULL REFERENCES app_user (id),
    reason      text CHECK (reason IS NULL OR length(reason) <= 500),   -- NULL once the feedback is withdrawn
    created_at  timestamptz NOT NULL DEFAULT now(),
    closed_at   timestamptz,
    PRIMARY KEY (feedback_id, user_id)
);
CREATE INDEX feedback_flag_open_idx ON feedback_flag (feedback_id) WHERE closed_at IS NULL;

-- Every moderation decision: publish, hide, restore (a NULL actor: hidden by readers' flags).
CREATE TABLE moderation_decision (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feedback_id bigint NOT NULL REFERENCES feedback (id),
    actor_id    bigint REFERENCES app_user (id),
    decision    text NOT NULL CHECK (decision IN ('published', 'hidden', 'restored', 'hidden_by_flags')),
    reason      text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX moderation_decision_feedback_idx ON moderation_decision (feedback_id, at);

-- Review-status changes (new → acknowledged → answered → acted upon), for the record.
CREATE TABLE feedback_review_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feedback_id bigint NOT NULL REFERENCES feedback (id),
    actor_id    bigint NOT NULL REFERENCES app_user (id),
    review      text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);

-- ─── Who may read, moderate and answer ──────────────────────────────────────────────────
-- `reader` is an app_user id, NULL for a visitor. The roles, panels and entities are looked
-- up here, from the tables, not trusted from the caller.

-- Staff: people who read feedback as part of their work; their reads of non-public
-- feedback are audited.
CREATE FUNCTION reader_is_staff(reader bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM user_role
                   WHERE user_id = reader AND role IN ('admin', 'secretariat', 'focal_point', 'panel_facilitator'))
$$;

-- The feedback a reader may see, text or (once withdrawn) the bare fact. The scopes widen
-- in order: panel only ⊂ secretariat ⊂ pledge owners ⊂ public.
--   the author: their own, always;
--   the panel's facilitator: all of the panel's feedback (they moderate it);
--   the panel's members: its published feedback;
--   the secretariat: scope secretariat and wider, in any moderation state (they moderate it too);
--   the pledge's focal points: scope pledge owners and wider, once published;
--   everyone, visitors included: scope public, once published.
CREATE FUNCTION feedback_visible_to(reader bigint) RETURNS SETOF feedback
LANGUAGE sql STABLE AS $$
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
       OR (f.scope IN ('pledge_owners', 'public') AND f.moderation = 'published'
           AND f.pledge_id IN (SELECT pl.id FROM pledge pl
                               WHERE pl.owner_entity_id IN (SELECT em.entity_id FROM entity_member em JOIN user_role r
                                                            ON r.user_id = em.user_id AND r.role = 'focal_point' WHERE em.user_id = reader)
                               UNION
                               SELECT co.pledge_id FROM pledge_co_owner co
                               WHERE co.entity_id IN (SELECT em.entity_id FROM entity_member em JOIN user_role r
                                                      ON r.user_id = em.user_id AND r.role = 'focal_point' WHERE em.user_id = reader)))
$$;

-- Moderators: the panel's facilitator; the secretariat for what its scope lets it read.
-- (These return rows rather than ids so that the planner inlines them into the query that
-- uses them, filters and all.)
CREATE FUNCTION feedback_moderated_by(reader bigint) RETURNS SETOF feedback
LANGUAGE sql STABLE AS $$
    SELECT f.* FROM feedback f
    WHERE f.panel_id IN (SELECT p.id FROM panel p JOIN user_role r ON r.user_id = p.facilitator_id AND r.role = 'panel_facilitator'
                         WHERE p.facilitator_id = reader)
       OR (f.scope IN ('secretariat', 'pledge_owners', 'public')
           AND EXISTS (SELECT 1 FROM user_role WHERE user_id = reader AND role = 'secretariat'))
$$;

-- Who answers: the secretariat (scope secretariat and wider), the pledge's focal points
-- (scope pledge owners and wider, once published).
CREATE FUNCTION feedback_answerable_by(reader bigint) RETURNS SETOF feedback
LANGUAGE sql STABLE AS $$
    SELECT f.* FROM feedback_visible_to(reader) f
    WHERE (f.scope IN ('secretariat', 'pledge_owners', 'public')
           AND EXISTS (SELECT 1 FROM user_role WHERE user_id = reader AND role = 'secretariat'))
       OR (f.scope IN ('pledge_owners', 'public') AND f.moderation = 'published'
           AND EXISTS (SELECT 1 FROM user_role WHERE user_id = reader AND role = 'focal_point')
           AND f.pledge_id IN (SELECT pl.id FROM pledge pl
                               WHERE pl.owner_entity_id IN (SELECT entity_id FROM entity_member WHERE user_id = reader)
                               UNION
                               SELECT co.pledge_id FROM pledge_co_owner co
                               WHERE co.entity_id IN (SELECT entity_id FROM entity_member WHERE user_id = reader)))
$$;

-- Published feedback hides itself once its open flags reach the panel's threshold.
CREATE FUNCTION hide_flagged_feedback() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Flags arriving together queue here, so the last of them sees all the others.
    PERFORM 1 FROM feedback WHERE id = NEW.feedback_id FOR UPDATE;
    WITH hidden AS (
        UPDATE feedback f SET moderation = 'hidden', updated_at = now()
        FROM panel p
        WHERE f.id = NEW.feedback_id AND p.id = f.panel_id AND f.moderation = 'published'
          AND (SELECT count(*) FROM feedback_flag WHERE feedback_id = f.id AND closed_at IS NULL) >= p.flag_threshold
        RETURNING f.id
    )
    INSERT INTO moderation_decision (feedback_id, actor_id, decision, reason)
    SELECT id, NULL, 'hidden_by_flags', '' FROM hidden;
    RETURN NULL;
END $$;
CREATE TRIGGER hide_flagged_feedback AFTER INSERT ON feedback_flag FOR EACH ROW EXECUTE FUNCTION hide_flagged_feedback();

-- Cached pages show feedback (measure 18's dashboard: counts and public texts; the
-- secretariat's review queue: the items, their flags and panels; a facilitator's panel page:
-- its members too): they rebuild when it changes.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['panel', 'panel_country', 'panel_member', 'feedback', 'feedback_answer', 'feedback_flag', 'moderation_decision'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE ON %I
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch_data_version()', t);
        EXECUTE format('CREATE TRIGGER touch_data_version_on_truncate AFTER TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version()', t);
    END LOOP;
END $$;
