-- When the running attempt of an action runs out of time (its start plus timeoutSeconds): until
-- then a long action counts as progressing, so the watchdog does not mark its request stuck.
ALTER TABLE request_actions ADD COLUMN deadline_at timestamptz;

-- The attempt whose idempotency key the action's current attempt gives external systems. A human
-- retry after an unknown outcome (the attempt ended transient or stuck, so its side effect may have
-- happened) keeps the key of that attempt, so the executor's duplicate check finds what it created;
-- a retry after a definite failure uses its own, new key. NULL: the attempt's own key.
ALTER TABLE request_actions ADD COLUMN key_attempt integer;
