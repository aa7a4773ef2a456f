-- room-service: rooms and participants, and read-only replicas of users, apps (every manifest version) and
-- prizes (for prizeCount). Spec: shared spec data-model.md, section room-service.
-- Enum types make an invalid value impossible to store and sort in declaration order (rest-api.md "Lists").

CREATE TYPE room_status AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED');
CREATE TYPE participant_role AS ENUM ('ADMIN', 'ORGANIZER', 'MODERATOR', 'PARTICIPANT', 'VIEWER');

CREATE TABLE rooms (
    id                   text             PRIMARY KEY,
    name                 text             NOT NULL CONSTRAINT rooms_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    description          text             CONSTRAINT rooms_description_length CHECK (char_length(description) <= 5000),
    app_id               text             NOT NULL,
    app_settings         jsonb            NOT NULL DEFAULT '{}' CONSTRAINT rooms_app_settings_object CHECK (jsonb_typeof(app_settings) = 'object'),
    app_manifest_version text             NOT NULL,
    status               room_status      NOT NULL DEFAULT 'DRAFT',
    is_public            boolean          NOT NULL DEFAULT true,
    created_by           text             NOT NULL,
    -- grows with every change; published as the events' aggregateVersion (replicas keep the newest)
    version              bigint           NOT NULL DEFAULT 1,
    created_at           timestamptz      NOT NULL DEFAULT now(),
    updated_at           timestamptz      NOT NULL DEFAULT now(),
    deleted_at           timestamptz
);
CREATE INDEX rooms_app_id_idx ON rooms (app_id);
CREATE INDEX rooms_status_idx ON rooms (status);
CREATE INDEX rooms_is_public_idx ON rooms (is_public);
CREATE INDEX rooms_created_by_idx ON rooms (created_by);
CREATE INDEX rooms_created_at_idx ON rooms (created_at);
CREATE INDEX rooms_deleted_at_idx ON rooms (deleted_at);
CREATE INDEX rooms_app_manifest_version_idx ON rooms (app_manifest_version);
CREATE INDEX rooms_status_is_public_app_id_idx ON rooms (status, is_public, app_id);
CREATE INDEX rooms_app_id_app_manifest_version_idx ON rooms (app_id, app_manifest_version);
-- The main list query reads live public rooms, optionally by status and app, newest first. Partial indexes
-- WHERE deleted_at IS NULL AND is_public leave deleted and private rows out entirely, and the trailing
-- created_at DESC, id DESC lets PostgreSQL read a page in order and stop, instead of sorting every match.
CREATE INDEX rooms_public_live_newest_idx ON rooms (created_at DESC, id DESC)
    WHERE deleted_at IS NULL AND is_public;
CREATE INDEX rooms_public_live_status_app_newest_idx ON rooms (status, app_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL AND is_public;

CREATE TABLE participants (
    id         text             PRIMARY KEY,
    user_id    text             NOT NULL,
    room_id    text             NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    role       participant_role NOT NULL DEFAULT 'PARTICIPANT',
    metadata   jsonb            CONSTRAINT participants_metadata_size CHECK (octet_length(metadata::text) <= 16384),
    joined_at  timestamptz      NOT NULL DEFAULT now(),
    removed_by text,
    version    bigint           NOT NULL DEFAULT 1,
    updated_at timestamptz      NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    -- one row per user and room: leaving and re-joining re-activates the same row
    CONSTRAINT participants_user_id_room_id_key UNIQUE (user_id, room_id)
);
CREATE INDEX participants_room_id_idx ON participants (room_id);
CREATE INDEX participants_user_id_idx ON participants (user_id);
CREATE INDEX participants_role_idx ON participants (role);
CREATE INDEX participants_deleted_at_idx ON participants (deleted_at);
CREATE INDEX participants_room_id_role_idx ON participants (room_id, role);
-- The participant list of a room (active members, oldest first) reads one index range in order.
CREATE INDEX participants_room_live_joined_idx ON participants (room_id, joined_at, id) WHERE deleted_at IS NULL;

-- Replicas (read-only, fed by Kafka; aggregate_version guards against older events overwriting newer state).
CREATE TABLE replica_users (
    id                text        PRIMARY KEY,
    name              text,
    avatar            text,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE replica_apps (
    app_id            text        PRIMARY KEY,
    current_version   text        NOT NULL,
    is_active         boolean     NOT NULL,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Every manifest version an app ever published: rooms stay locked to the version they were created with.
CREATE TABLE replica_app_manifests (
    app_id     text        NOT NULL REFERENCES replica_apps (app_id) ON DELETE CASCADE,
    version    text        NOT NULL,
    manifest   jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, version)
);

CREATE TABLE replica_prizes (
    prize_id          text        PRIMARY KEY,
    room_id           text        NOT NULL,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX replica_prizes_room_live_idx ON replica_prizes (room_id) WHERE NOT deleted;
