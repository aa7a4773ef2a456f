-- The tables AppReplica writes: every service's copy of the apps, fed by identity.apps.v1, with every manifest
-- version an app ever published (rooms stay locked to the version they were created with). Shipped with the
-- library that writes them; room-service created them in its first migration before they moved here (applied
-- migrations never change): there this is a no-op, and from now on their shape changes only here.
CREATE TABLE IF NOT EXISTS replica_apps (
    app_id            text        PRIMARY KEY,
    current_version   text        NOT NULL,
    is_active         boolean     NOT NULL,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS replica_app_manifests (
    app_id     text        NOT NULL REFERENCES replica_apps (app_id) ON DELETE CASCADE,
    version    text        NOT NULL,
    manifest   jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (app_id, version)
);
