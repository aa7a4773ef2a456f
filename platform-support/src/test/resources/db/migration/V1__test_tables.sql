-- Tables of the test service that exercises the event plumbing: a replica fed by events, and a count of how
-- often each event's effect actually ran.
CREATE TABLE replica_users (
    id                text        PRIMARY KEY,
    name              text,
    aggregate_version bigint      NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE effects (
    event_id uuid PRIMARY KEY,
    runs     int  NOT NULL
);
