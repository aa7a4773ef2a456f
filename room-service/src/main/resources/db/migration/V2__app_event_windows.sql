-- Apps' own events for a room's live clients: how many each room accepted in its current one-second window
-- (shared by every instance: the limit holds however many run).
CREATE TABLE app_event_windows (
    room_id      text        PRIMARY KEY,
    window_start timestamptz NOT NULL,
    accepted     integer     NOT NULL
);
