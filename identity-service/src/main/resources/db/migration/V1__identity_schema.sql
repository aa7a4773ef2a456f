-- identity-service: users, sessions, revoked tokens, apps, and the room replica it needs for delete restrictions.
-- The outbox / processed-event / idempotency tables belong to platform-support (db/platform, own history table).
-- Spec: shared spec data-model.md, section identity-service.

CREATE TABLE users (
    id             text        PRIMARY KEY,
    -- stored lower-cased, so the plain unique constraint is case-insensitive
    email          text        NOT NULL CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
    name           text        CONSTRAINT users_name_length CHECK (char_length(name) <= 100),
    avatar         text        CONSTRAINT users_avatar_url CHECK (char_length(avatar) <= 2048 AND avatar ~* '^https?://'),
    provider       text        NOT NULL DEFAULT 'google',
    provider_id    text,
    email_verified timestamptz,
    platform_role  text        NOT NULL DEFAULT 'USER' CONSTRAINT users_platform_role CHECK (platform_role IN ('USER', 'ADMIN')),
    -- grows with every change; published as the events' aggregateVersion (replicas keep the newest)
    version        bigint      NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);
-- Unique among live users: a deleted account keeps its row (soft delete) but frees its email and provider
-- identity, so the person can sign up again as a new user. These indexes also serve every look-up by email.
CREATE UNIQUE INDEX users_email_key ON users (email) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_provider_provider_id_key ON users (provider, provider_id) WHERE deleted_at IS NULL;
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_deleted_at_idx ON users (deleted_at);

CREATE TABLE sessions (
    id                 text        PRIMARY KEY,
    user_id            text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    refresh_token_hash text        NOT NULL CONSTRAINT sessions_refresh_token_hash_key UNIQUE,
    family_id          text        NOT NULL,
    expires_at         timestamptz NOT NULL,
    device_info        text        CONSTRAINT sessions_device_info_length CHECK (char_length(device_info) <= 512),
    ip_address         text,
    last_used_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
CREATE INDEX sessions_last_used_at_idx ON sessions (last_used_at);
CREATE INDEX sessions_family_id_idx ON sessions (family_id);

CREATE TABLE revoked_tokens (
    id         text        PRIMARY KEY,
    token_id   text        NOT NULL CONSTRAINT revoked_tokens_token_id_key UNIQUE,
    user_id    text,
    expires_at timestamptz NOT NULL,
    reason     text,
    revoked_at timestamptz NOT NULL DEFAULT now(),
    revoked_by text
);
CREATE INDEX revoked_tokens_expires_at_idx ON revoked_tokens (expires_at);
CREATE INDEX revoked_tokens_user_id_idx ON revoked_tokens (user_id);

CREATE TABLE apps (
    id               text        PRIMARY KEY,
    app_id           text        NOT NULL CONSTRAINT apps_app_id_key UNIQUE
                                 CONSTRAINT apps_app_id_format CHECK (app_id ~ '^app_[a-z0-9_]{2,60}$'),
    secret_hash      text        NOT NULL,
    manifest         jsonb       NOT NULL CONSTRAINT apps_manifest_object CHECK (jsonb_typeof(manifest) = 'object'),
    manifest_version text        NOT NULL,
    manifest_history jsonb       NOT NULL DEFAULT '[]' CONSTRAINT apps_manifest_history_array CHECK (jsonb_typeof(manifest_history) = 'array'),
    is_active        boolean     NOT NULL DEFAULT true,
    version          bigint      NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz
);
CREATE INDEX apps_is_active_idx ON apps (is_active);
CREATE INDEX apps_deleted_at_idx ON apps (deleted_at);
CREATE INDEX apps_manifest_version_idx ON apps (manifest_version);

-- A login with an external provider between the redirect to it and the callback: state (single use), PKCE
-- verifier, OIDC nonce, and where the client wants the tokens. Rows live for minutes.
CREATE TABLE login_attempts (
    state         text        PRIMARY KEY,
    provider      text        NOT NULL,
    code_verifier text        NOT NULL,
    nonce         text        NOT NULL,
    redirect_uri  text,
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_expires_at_idx ON login_attempts (expires_at);

-- Read-only replica of rooms (from rooms.rooms.v1): enough to refuse deleting a user who organizes rooms
-- (USER_HAS_ROOMS) or an app that rooms still use (APP_HAS_ROOMS).
CREATE TABLE replica_rooms (
    room_id           text        PRIMARY KEY,
    created_by        text        NOT NULL,
    app_id            text        NOT NULL,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX replica_rooms_created_by_live_idx ON replica_rooms (created_by) WHERE NOT deleted;
CREATE INDEX replica_rooms_app_id_live_idx ON replica_rooms (app_id) WHERE NOT deleted;
