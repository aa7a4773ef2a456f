-- A draw keeps the sorted list of participant ids it drew from, so anyone can recompute it from its seed
-- (rest-api.md "The draw algorithm"); eligible_digest lets a reader check the list they fetched.
ALTER TABLE draws ADD COLUMN eligible_ids text[] NOT NULL DEFAULT '{}';
