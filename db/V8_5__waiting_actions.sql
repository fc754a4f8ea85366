-- An action that waits for something outside (a workflow run, a Terraform run, a busy workspace)
-- holds no worker: it is 'waiting', with what it waits for (the executor's state to look again)
-- and when the next check is due. A scheduled check in every instance takes due waits with
-- FOR UPDATE SKIP LOCKED and queues a continuation message through the outbox (SQS FIFO queues
-- have no per-message delay, so the delay lives here). wait_check numbers the continuations of
-- the running attempt, so a stale or repeated one is recognised and ignored.
ALTER TABLE request_actions DROP CONSTRAINT request_actions_status_check;
ALTER TABLE request_actions ADD CONSTRAINT request_actions_status_check
    CHECK (status IN ('pending', 'queued', 'in_progress', 'waiting', 'completed', 'failed',
                      'skipped'));
ALTER TABLE request_actions ADD COLUMN wait_state jsonb;
ALTER TABLE request_actions ADD COLUMN next_check_at timestamptz;
ALTER TABLE request_actions ADD COLUMN wait_check integer NOT NULL DEFAULT 0;
CREATE INDEX request_actions_due_wait_idx ON request_actions (next_check_at)
    WHERE status = 'waiting';
