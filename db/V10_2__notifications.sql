-- Notifications leave through an outbox of their own, like action messages: the rows are written
-- in the transaction of the status change they report on, and a relay in every instance sends
-- them afterwards (FOR UPDATE SKIP LOCKED), so a notification is never lost and never written twice
-- for one event. event_key names the transition (request, new status, time of the change); one
-- event has one row per channel and recipient. A failed send is counted and tried again later
-- (next_attempt_at) until the relay gives up ('failed'); e-mail without a configured SMTP server
-- is recorded as 'skipped'. Channel jira-support is the escalation ticket.
CREATE TABLE notifications (
    id              bigserial   PRIMARY KEY,
    request_id      uuid        NOT NULL REFERENCES requests (id) ON DELETE CASCADE
                                    DEFERRABLE INITIALLY DEFERRED,
    event           text        NOT NULL,
    event_key       text        NOT NULL,
    channel         text        NOT NULL CHECK (channel IN ('email', 'webhook', 'jira-support')),
    recipient       text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT notifications_once UNIQUE (event_key, channel, recipient)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX notifications_request_idx ON notifications (request_id);

-- The support ticket an escalation created (shown on the request).
ALTER TABLE requests ADD COLUMN support_ticket_key text;
ALTER TABLE requests ADD COLUMN support_ticket_url text;

GRANT SELECT, INSERT, UPDATE, DELETE ON notifications TO "${app_role}";
GRANT USAGE, SELECT ON SEQUENCE notifications_id_seq TO "${app_role}";
