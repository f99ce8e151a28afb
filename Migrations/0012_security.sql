-- Security review (issue 15): the second factor, survivor accounts, feedback audiences,
-- join links, retention. Each rule that decides who may do what is written here, in SQL.

-- ─── Survivor accounts ──────────────────────────────────────────────────────────────────
-- A survivor's account is known from its data, never from its current roles: it was made by
-- joining a panel. Once a survivor account, always one (a trigger below keeps it so). Nobody
-- else sets its password, its roles or its e-mail.
ALTER TABLE app_user ADD COLUMN survivor boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN deleted_at timestamptz;
UPDATE app_user u SET survivor = true
WHERE u.pseudonym IS NOT NULL
   OR EXISTS (SELECT 1 FROM panel_member m WHERE m.user_id = u.id)
   OR u.id IN (SELECT actor_id FROM audit_event WHERE action IN ('panel.joined', 'account.deleted') AND actor_id IS NOT NULL);
UPDATE app_user u SET deleted_at = COALESCE(u.disabled_at, now())
WHERE u.id IN (SELECT actor_id FROM audit_event WHERE action = 'account.deleted' AND actor_id IS NOT NULL);

CREATE FUNCTION is_survivor_account(account bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM app_user u WHERE u.id = account
                   AND (u.survivor OR u.pseudonym IS NOT NULL OR EXISTS (SELECT 1 FROM panel_member m WHERE m.user_id = u.id)))
$$;

CREATE FUNCTION guard_survivor_account() RETURNS trigger
LANGUAGE plpgsql AS $$
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
CREATE TRIGGER guard_survivor_account BEFORE UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION guard_survivor_account();

-- Roles of a survivor account: only panel_member, given when joining and taken when leaving.
-- panel_member marks the account as a survivor's for good, and never joins a staff role.
CREATE FUNCTION guard_survivor_roles() RETURNS trigger
LANGUAGE plpgsql AS $$
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
CREATE TRIGGER guard_survivor_roles BEFORE INSERT ON user_role FOR EACH ROW EXECUTE FUNCTION guard_survivor_roles();

-- No link to set a survivor's password, by anyone.
CREATE FUNCTION guard_survivor_invitation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF is_survivor_account(NEW.user_id) THEN
        RAISE EXCEPTION 'no password link for a survivor account' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER guard_survivor_invitation BEFORE INSERT ON invitation FOR EACH ROW EXECUTE FUNCTION guard_survivor_invitation();
UPDATE invitation SET used_at = now() WHERE used_at IS NULL AND is_survivor_account(user_id);

-- ─── Sessions and the second factor ─────────────────────────────────────────────────────
-- second_factor_done now means what it says: a second factor was given in this session (it
-- was also true for roles that need none, so a role given later was used without one).
UPDATE user_session s SET second_factor_done = false
WHERE second_factor_done AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = s.user_id AND u.totp_secret IS NOT NULL);
-- The secret proposed at enrolment stays on the server, with the session (encrypted).
ALTER TABLE user_session ADD COLUMN proposed_totp_secret text;
ALTER TABLE user_session ADD COLUMN second_factor_failures integer NOT NULL DEFAULT 0;
-- Panel members' sessions keep no client address.
ALTER TABLE user_session ALTER COLUMN client_address SET DEFAULT '';

-- Wrong second-factor codes, per account, for the limit across pending sessions.
CREATE TABLE second_factor_failure (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX second_factor_failure_user_idx ON second_factor_failure (user_id, at);

-- Browsers an account signed in from before (a random token; only its SHA-256 is kept):
-- guessing spread over many addresses locks unknown browsers out, never the owner's own.
CREATE TABLE known_device (
    token_hash   bytea PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX known_device_user_idx ON known_device (user_id);
ALTER TABLE sign_in_failure ADD COLUMN known_device boolean NOT NULL DEFAULT false;

-- What the account's owner must hear about: their second factor set up or replaced, their
-- roles changed, recovery codes used. Shown on their account page until they have read it.
CREATE TABLE security_notice (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind    text NOT NULL CHECK (kind IN ('second_factor_enrolled', 'second_factor_replaced', 'recovery_code_used',
                                          'roles_changed', 'second_factor_locked', 'password_changed')),
    at      timestamptz NOT NULL DEFAULT now(),
    seen_at timestamptz
);
CREATE INDEX security_notice_unseen_idx ON security_notice (user_id) WHERE seen_at IS NULL;

-- ─── Feedback audiences ─────────────────────────────────────────────────────────────────
-- "Pledge owners" means the entities that owned the pledge when the author posted: kept with
-- the item, so adding a co-owner later never widens who reads earlier texts. An entity that
-- stops owning the pledge stops reading too (the audience is the intersection). The author
-- may share again with the pledge's present owners.
CREATE TABLE feedback_audience (
    feedback_id bigint NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    entity_id   bigint NOT NULL REFERENCES entity (id),
    PRIMARY KEY (feedback_id, entity_id)
);
CREATE INDEX feedback_audience_entity_idx ON feedback_audience (entity_id);

CREATE FUNCTION pledge_owner_entities(of_pledge bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
    SELECT owner_entity_id FROM pledge WHERE id = of_pledge
    UNION SELECT entity_id FROM pledge_co_owner WHERE pledge_id = of_pledge
$$;

INSERT INTO feedback_audience (feedback_id, entity_id)
SELECT f.id, o.e FROM feedback f CROSS JOIN LATERAL pledge_owner_entities(f.pledge_id) AS o(e)
WHERE f.pledge_id IS NOT NULL;

CREATE FUNCTION record_feedback_audience() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.pledge_id IS NOT NULL THEN
        INSERT INTO feedback_audience (feedback_id, entity_id)
        SELECT NEW.id, e FROM pledge_owner_entities(NEW.pledge_id) AS e ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER record_feedback_audience AFTER INSERT ON feedback FOR EACH ROW EXECUTE FUNCTION record_feedback_audience();

-- The focal point `reader` reads item `f` as one of its pledge's owners: their entity was in
-- the audience the author saw, and still owns the pledge.
CREATE FUNCTION feedback_owner_reader(item bigint, of_pledge bigint, reader bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM feedback_audience a
        JOIN entity_member em ON em.entity_id = a.entity_id AND em.user_id = reader
        JOIN user_role r ON r.user_id = em.user_id AND r.role = 'focal_point'
        WHERE a.feedback_id = item AND a.entity_id IN (SELECT pledge_owner_entities(of_pledge)))
$$;

CREATE OR REPLACE FUNCTION feedback_visible_to(reader bigint) RETURNS SETOF feedback
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
       OR (f.scope = 'pledge_owners' AND f.moderation = 'published' AND reader IS NOT NULL
           AND feedback_owner_reader(f.id, f.pledge_id, reader))
$$;

CREATE OR REPLACE FUNCTION feedback_answerable_by(reader bigint) RETURNS SETOF feedback
LANGUAGE sql STABLE AS $$
    SELECT f.* FROM feedback_visible_to(reader) f
    WHERE (f.scope IN ('secretariat', 'pledge_owners', 'public')
           AND EXISTS (SELECT 1 FROM user_role WHERE user_id = reader AND role = 'secretariat'))
       OR (f.scope IN ('pledge_owners', 'public') AND f.moderation = 'published' AND f.pledge_id IS NOT NULL
           AND feedback_owner_reader(f.id, f.pledge_id, reader))
$$;

-- Flags from the pledge's own focal points are kept and shown to moderators, but do not
-- count towards hiding feedback about their pledge.
CREATE OR REPLACE FUNCTION hide_flagged_feedback() RETURNS trigger
LANGUAGE plpgsql AS $$
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

CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE ON feedback_audience
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch_data_version();

-- ─── Panels ─────────────────────────────────────────────────────────────────────────────
-- Each try at a join link counts against it, refused or not.
ALTER TABLE panel_invitation ADD COLUMN attempts integer NOT NULL DEFAULT 0;

-- Who facilitated a panel since when: a change is made by an admin and shown to the members.
CREATE TABLE panel_facilitator_change (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id       bigint NOT NULL REFERENCES panel (id) ON DELETE CASCADE,
    facilitator_id bigint REFERENCES app_user (id),
    changed_by     bigint REFERENCES app_user (id),
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_facilitator_change_panel_idx ON panel_facilitator_change (panel_id, at DESC);
CREATE CONSTRAINT TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE ON panel_facilitator_change
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch_data_version();

-- ─── Deleted members leave no link ──────────────────────────────────────────────────────
-- Members who deleted their account before this migration: their audit rows lose the link.
UPDATE audit_event SET actor_id = NULL, client_address = NULL, request_id = NULL
WHERE actor_id IN (SELECT id FROM app_user WHERE survivor AND deleted_at IS NOT NULL);
UPDATE audit_event SET target_id = NULL
WHERE target_type = 'user' AND target_id IN (SELECT id::text FROM app_user WHERE survivor AND deleted_at IS NOT NULL);
DELETE FROM user_session WHERE user_id IN (SELECT id FROM app_user WHERE survivor AND deleted_at IS NOT NULL);
-- No client address is kept for panel members.
UPDATE user_session SET client_address = '' WHERE user_id IN (SELECT id FROM app_user WHERE survivor);
UPDATE audit_event SET client_address = NULL WHERE actor_id IN (SELECT id FROM app_user WHERE survivor);

-- ─── The consent notice says what backups keep ──────────────────────────────────────────
INSERT INTO consent_notice (version, body) VALUES (2, $notice$
Why we ask. Pledgetrack follows what governments and organisations promised to do against trafficking. Your panel's feedback tells them what is working and what is not, so that the promises are kept. Sharing is your choice; you can take part without posting anything.

What we keep. Your pseudonym, your password (scrambled, so nobody can read it), an e-mail address only if you gave one for signing in, and what you write. We never ask for your real name, phone number or address, and we do not keep the internet address you use. Please do not write your name, or anything else that could identify you or someone else, in your feedback.

Who can read what. For each piece of feedback you choose who may read it. "Panel only": the members of your panel and its facilitator. "Secretariat": your panel and the pledge's secretariat. "Pledge owners": your panel, the secretariat and the people responsible for the pledge at the time you post. If other people become responsible for the pledge later, they cannot read it unless you choose to share it with them. "Public, without your name": anyone, on the public pages, never with your pseudonym. Only your panel sees your pseudonym. Every time a staff member opens feedback that is not public, the system records who read it.

Before anyone else reads it. Your facilitator (or the secretariat) checks each piece of feedback before it is shown to others. Feedback that readers flag as harmful may be hidden while it is looked at again.

How long we keep it. Feedback is kept while the pledges it speaks about are followed. When that follow-up ends, the secretariat erases the texts. You can withdraw any piece of feedback earlier, at any time.

How to withdraw. You can withdraw any piece of feedback at any time: its text is erased from the database, not just hidden, and the space it took is cleared within minutes. Answers to it stay, marked "withdrawn feedback". You can also delete your account: your pseudonym is removed, and you choose whether your texts are erased or kept without any link to you.

Backups. To recover from a breakdown, copies of the database are kept for up to 35 days. A text you erase stays in those copies until they are destroyed, at most 35 days later. Nobody reads the copies unless the database must be restored.

Staying safe. "Leave this site", at the top of every panel page, hides the page at once. Pressing the Shift key three times does the same.
$notice$);
