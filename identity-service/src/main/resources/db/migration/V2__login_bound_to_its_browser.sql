-- A login in flight is bound to the browser that started it (login CSRF, RFC 6749 §10.12): the SHA-256 of a random
-- value held in an HttpOnly cookie of that browser. Attempts started before this column existed cannot finish.
DELETE FROM login_attempts;
ALTER TABLE login_attempts ADD COLUMN browser_hash text NOT NULL;
