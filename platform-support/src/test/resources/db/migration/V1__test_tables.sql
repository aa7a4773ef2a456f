-- Tables of the test service that exercises the event plumbing: a count of how often each event's effect
-- actually ran. Its replica of users is the library's own table (db/platform V3).
CREATE TABLE effects (
    event_id uuid PRIMARY KEY,
    runs     int  NOT NULL
);
