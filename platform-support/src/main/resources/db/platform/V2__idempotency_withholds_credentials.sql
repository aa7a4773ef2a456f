-- An answer that holds a credential (tokens, an app secret) is never stored: only its status, marked withheld,
-- so a repeat of the request is refused instead of replayed (docs/auth.md "Idempotency on credential endpoints").
ALTER TABLE idempotency_keys ADD COLUMN response_withheld boolean NOT NULL DEFAULT false;

-- Answers stored before this rule that hold tokens or an app secret are dropped.
DELETE FROM idempotency_keys
 WHERE position('"refreshToken"'::bytea IN response_body) > 0
    OR position('"accessToken"'::bytea IN response_body) > 0
    OR position('sk_live_'::bytea IN response_body) > 0;
