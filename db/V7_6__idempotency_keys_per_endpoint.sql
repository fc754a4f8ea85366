-- Idempotency-Key on every changing POST: a key is scoped per caller and endpoint (the same key on
-- POST /requests and on a retry are two keys). Existing rows are submissions.
ALTER TABLE idempotency_keys ADD COLUMN endpoint text NOT NULL DEFAULT 'POST /requests';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (owner_subject, endpoint, idempotency_key);
