-- prize-service: prizes, winners, draws, and read-only replicas of rooms, participants and users.
-- Spec: shared spec data-model.md, section prize-service; the draw fields follow rest-api.md "draws".

CREATE TYPE room_status AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED');
CREATE TYPE participant_role AS ENUM ('ADMIN', 'ORGANIZER', 'MODERATOR', 'PARTICIPANT', 'VIEWER');

CREATE TABLE prizes (
    id                 text        PRIMARY KEY,
    room_id            text        NOT NULL,
    name               text        NOT NULL CONSTRAINT prizes_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    description        text        CONSTRAINT prizes_description_length CHECK (char_length(description) <= 5000),
    image_url          text        CONSTRAINT prizes_image_url CHECK (image_url ~* '^https?://'),
    quantity           int         NOT NULL DEFAULT 1 CONSTRAINT prizes_quantity_positive CHECK (quantity >= 1),
    -- the last line of defence against over-awarding: no interleaving of writes can break it
    quantity_remaining int         NOT NULL DEFAULT 1
                                   CONSTRAINT prizes_quantity_remaining_range CHECK (quantity_remaining BETWEEN 0 AND quantity),
    metadata           jsonb       CONSTRAINT prizes_metadata_size CHECK (octet_length(metadata::text) <= 16384),
    -- grows with every change; published as the events' aggregateVersion (replicas keep the newest)
    version            bigint      NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz
);
CREATE INDEX prizes_room_id_idx ON prizes (room_id);
CREATE INDEX prizes_deleted_at_idx ON prizes (deleted_at);

CREATE TABLE draws (
    id                       text        PRIMARY KEY,
    room_id                  text        NOT NULL,
    prize_id                 text        NOT NULL REFERENCES prizes (id) ON DELETE RESTRICT,
    requested_by             text        NOT NULL,
    requested                int         NOT NULL CONSTRAINT draws_requested_positive CHECK (requested >= 1),
    exclude_previous_winners boolean     NOT NULL DEFAULT true,
    algorithm                text        NOT NULL,
    seed                     text        CONSTRAINT draws_seed_hex CHECK (seed ~ '^[0-9a-f]{64}$'),
    seed_hash                text        CONSTRAINT draws_seed_hash_hex CHECK (seed_hash ~ '^[0-9a-f]{64}$'),
    eligible_count           int         NOT NULL CONSTRAINT draws_eligible_count_range CHECK (eligible_count >= 0),
    eligible_digest          text        NOT NULL CONSTRAINT draws_eligible_digest_hex CHECK (eligible_digest ~ '^[0-9a-f]{64}$'),
    winner_ids               text[]      NOT NULL DEFAULT '{}',
    delegated_to_app         boolean     NOT NULL DEFAULT false,
    fallback_reason          text,
    created_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draws_room_id_created_at_idx ON draws (room_id, created_at);
CREATE INDEX draws_prize_id_idx ON draws (prize_id);

CREATE TABLE winners (
    id             text        PRIMARY KEY,
    room_id        text        NOT NULL,
    participant_id text        NOT NULL,
    prize_id       text        NOT NULL REFERENCES prizes (id) ON DELETE RESTRICT,
    draw_id        text        REFERENCES draws (id) ON DELETE RESTRICT,
    metadata       jsonb       CONSTRAINT winners_metadata_size CHECK (octet_length(metadata::text) <= 16384),
    version        bigint      NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);
CREATE INDEX winners_room_id_idx ON winners (room_id);
CREATE INDEX winners_participant_id_idx ON winners (participant_id);
CREATE INDEX winners_prize_id_idx ON winners (prize_id);
CREATE INDEX winners_created_at_idx ON winners (created_at);
CREATE INDEX winners_deleted_at_idx ON winners (deleted_at);
CREATE INDEX winners_room_id_prize_id_idx ON winners (room_id, prize_id);
-- A participant holds a given prize at most once among live (not revoked) winners.
CREATE UNIQUE INDEX winners_live_participant_prize_key ON winners (participant_id, prize_id) WHERE deleted_at IS NULL;

-- Replicas (read-only, fed by Kafka; aggregate_version guards against older events overwriting newer state).
CREATE TABLE replica_rooms (
    id                text        PRIMARY KEY,
    status            room_status NOT NULL,
    app_id            text        NOT NULL,
    created_by        text        NOT NULL,
    is_public         boolean     NOT NULL DEFAULT true,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE replica_participants (
    id                text             PRIMARY KEY,
    room_id           text             NOT NULL,
    user_id           text             NOT NULL,
    role              participant_role NOT NULL,
    active            boolean          NOT NULL,
    aggregate_version bigint           NOT NULL,
    updated_at        timestamptz      NOT NULL DEFAULT now()
);
-- Draw eligibility: the active PARTICIPANTs of one room, read in id order (the draw sorts by id).
CREATE INDEX replica_participants_room_eligible_idx ON replica_participants (room_id, id)
    WHERE active AND role = 'PARTICIPANT';
CREATE INDEX replica_participants_room_user_idx ON replica_participants (room_id, user_id);

CREATE TABLE replica_users (
    id                text        PRIMARY KEY,
    name              text,
    avatar            text,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
