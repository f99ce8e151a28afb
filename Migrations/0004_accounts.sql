-- Accounts, roles, sessions and the audit log.
-- Roles (see the brief): admin, secretariat, focal_point (member of pledging entities),
-- panel_facilitator, panel_member. A person may hold several.

CREATE TABLE entity (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (btrim(name) <> '' AND length(name) <= 200),
    kind         text NOT NULL CHECK (kind IN ('state', 'un_agency', 'international_organisation', 'civil_society',
                                               'refugee_led', 'survivor_led', 'local_authority', 'private_sector', 'academia')),
    home_country char(3) REFERENCES country (iso3),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%' AND length(email) <= 254),
    display_name        text NOT NULL CHECK (btrim(display_name) <> '' AND length(display_name) <= 100),
    password_hash       text,         -- bcrypt, cost 12; NULL until the invitation is used
    password_changed_at timestamptz,
    totp_secret         text,         -- the second factor, once enrolled
    totp_last_step      bigint,       -- the last time step accepted: a code works once
    disabled_at         timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_role (
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('admin', 'secretariat', 'focal_point', 'panel_facilitator', 'panel_member')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE entity_member (
    user_id   bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    entity_id bigint NOT NULL REFERENCES entity (id),
    PRIMARY KEY (user_id, entity_id)
);
CREATE INDEX entity_member_entity_idx ON entity_member (entity_id);

-- The session cookie holds a random token; only its SHA-256 is stored, so a copy of this
-- table signs nobody in.
CREATE TABLE user_session (
    token_hash         bytea PRIMARY KEY,
    user_id            bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token         text NOT NULL,
    second_factor_done boolean NOT NULL,   -- false: password given, second step still due
    created_at         timestamptz NOT NULL DEFAULT now(),
    last_seen_at       timestamptz NOT NULL DEFAULT now(),
    idle_timeout       interval NOT NULL,
    expires_at         timestamptz NOT NULL,   -- absolute lifetime
    ended_at           timestamptz,
    client_address     text NOT NULL,
    user_agent         text NOT NULL DEFAULT ''
);
CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE ended_at IS NULL;

-- One-time links to set a password, shown to the admin who invites (no e-mail is sent yet).
CREATE TABLE invitation (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_by bigint REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX invitation_user_idx ON invitation (user_id);

CREATE TABLE recovery_code (
    user_id   bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- Failed sign-ins, counted per account and client address for throttling.
CREATE TABLE sign_in_failure (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text NOT NULL,
    client_address text NOT NULL,
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failure_email_idx ON sign_in_failure (email, at);
CREATE INDEX sign_in_failure_client_idx ON sign_in_failure (client_address, at);

-- Every write and every sign-in event. Never passwords, tokens or survivor text.
CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    actor_id       bigint REFERENCES app_user (id),
    action         text NOT NULL,
    target_type    text,
    target_id      text,
    request_id     text,
    client_address text,
    detail         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC);

-- Passwords people pick most (seeded by the next migration): refused when setting a password.
CREATE TABLE common_password (
    password text PRIMARY KEY
);
