-- What a draw needs to hand the choice to the room's app (docs/webhooks.md): the manifest version each room is
-- locked to, every manifest version of every app (its baseUrl and webhooks), whether the app is active, and the
-- participants' metadata the app receives with them. Rooms and participants replicated before this migration get
-- the new columns with their next event (or all at once with `./platform db reset`); until then a room without a
-- locked version uses its app's current manifest.
ALTER TABLE replica_rooms ADD COLUMN app_manifest_version text;
ALTER TABLE replica_participants ADD COLUMN metadata jsonb;

CREATE TABLE replica_apps (
    app_id            text        PRIMARY KEY,
    current_version   text        NOT NULL,
    is_active         boolean     NOT NULL,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Every manifest version an app ever published, whatever order its events arrive in.
CREATE TABLE replica_app_manifests (
    app_id     text        NOT NULL,
    version    text        NOT NULL,
    manifest   jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, version)
);
