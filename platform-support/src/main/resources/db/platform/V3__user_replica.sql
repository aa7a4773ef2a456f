-- The table UserReplica writes: every service's copy of the users, fed by identity.users.v1. It ships with the
-- library that writes it, so a service that keeps the replica declares nothing. room- and prize-service created it
-- in their own first migrations before it moved here (applied migrations never change): for their databases this
-- is a no-op, and from now on the table's shape changes only in this library's migrations.
CREATE TABLE IF NOT EXISTS replica_users (
    id                text        PRIMARY KEY,
    name              text,
    avatar            text,
    deleted           boolean     NOT NULL DEFAULT false,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
