-- platform-support tables, created in every service's database by the library's own Flyway history
-- (platform_schema_history), so the library evolves them without each service copying the DDL.
-- Transactional outbox, idempotent consumer, Idempotency-Key store.
CREATE TABLE outbox_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      uuid        NOT NULL CONSTRAINT outbox_events_event_id_key UNIQUE,
    topic         text        NOT NULL,
    message_key   text        NOT NULL,
    event_type    text        NOT NULL,
    payload       json        NOT NULL, -- json, not jsonb: published byte for byte as written
    headers       jsonb       NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
-- The relay reads unpublished rows in id order; the purge job deletes published rows by age.
CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;
CREATE INDEX outbox_events_published_at_idx ON outbox_events (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_events_processed_at_idx ON processed_events (processed_at);

CREATE TABLE idempotency_keys (
    caller          text        NOT NULL,
    idempotency_key text        NOT NULL CONSTRAINT idempotency_keys_key_length CHECK (char_length(idempotency_key) <= 255),
    request_hash    text        NOT NULL,
    response_status int,
    response_type   text,
    response_body   bytea,      -- the first answer, byte for byte
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);
