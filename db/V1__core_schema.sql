-- PAO core schema. The application connects as ${app_role}; migrations run as the owner.
-- Foreign keys to requests are checked at commit, so one transaction may write a request and
-- its actions and outbox rows in any order.

CREATE TABLE requests (
    id                   uuid        PRIMARY KEY,
    catalog_item_id      text        NOT NULL,
    catalog_item_version text        NOT NULL,
    catalog_kind         text        NOT NULL CHECK (catalog_kind IN ('item', 'bundle')),
    status               text        NOT NULL CHECK (status IN ('submitted', 'queued', 'in_progress',
                             'completed', 'failed', 'retrying', 'aborted', 'escalated', 'stuck')),
    status_reason        text,
    requester_subject    text        NOT NULL,
    requester_email      text        NOT NULL,
    requester_name       text,
    requester_teams      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    form_data            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    outputs              jsonb       NOT NULL DEFAULT '{}'::jsonb,
    correlation_id       text        NOT NULL,
    current_action_index integer     NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    last_progress_at     timestamptz NOT NULL DEFAULT now(),
    finished_at          timestamptz,
    row_version          bigint      NOT NULL DEFAULT 0
);
CREATE INDEX requests_requester_email_idx ON requests (requester_email);
CREATE INDEX requests_status_idx ON requests (status);
CREATE INDEX requests_correlation_id_idx ON requests (correlation_id);
CREATE INDEX requests_created_at_idx ON requests (created_at DESC, id DESC);
CREATE INDEX requests_requester_teams_idx ON requests USING gin (requester_teams);

CREATE TABLE request_actions (
    id            uuid        PRIMARY KEY,
    request_id    uuid        NOT NULL REFERENCES requests (id) ON DELETE CASCADE
                                  DEFERRABLE INITIALLY DEFERRED,
    action_index  integer     NOT NULL CHECK (action_index >= 0),
    component     text,
    catalog_item_id text      NOT NULL,
    action_id     text        NOT NULL,
    action_type   text        NOT NULL,
    config        jsonb       NOT NULL,
    status        text        NOT NULL CHECK (status IN ('pending', 'queued', 'in_progress',
                      'completed', 'failed', 'skipped')),
    attempt       integer     NOT NULL DEFAULT 0,
    external_key  text,
    external_url  text,
    outputs       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error         jsonb,
    started_at    timestamptz,
    finished_at   timestamptz,
    row_version   bigint      NOT NULL DEFAULT 0,
    UNIQUE (request_id, action_index)
);
-- JIRA keys (and other external references) are looked up by key.
CREATE INDEX request_actions_external_key_idx ON request_actions (external_key)
    WHERE external_key IS NOT NULL;

CREATE TABLE outbox (
    id                bigserial   PRIMARY KEY,
    request_id        uuid        NOT NULL REFERENCES requests (id) ON DELETE CASCADE
                                  DEFERRABLE INITIALLY DEFERRED,
    action_index      integer     NOT NULL,
    attempt           integer     NOT NULL,
    message_group_id  text        NOT NULL,
    deduplication_id  text        NOT NULL,
    body              jsonb       NOT NULL,
    status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz,
    message_id        text,
    send_attempts     integer     NOT NULL DEFAULT 0,
    last_error        text,
    UNIQUE (deduplication_id)
);
CREATE INDEX outbox_pending_idx ON outbox (created_at, id) WHERE status = 'pending';
CREATE INDEX outbox_request_idx ON outbox (request_id);

CREATE TABLE catalog_documents (
    id           bigserial   PRIMARY KEY,
    document_id  text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('CatalogItem', 'CatalogBundle')),
    version      text        NOT NULL,
    git_sha      text        NOT NULL,
    path         text        NOT NULL,
    category     text,
    owner        text,
    definition   jsonb       NOT NULL,
    synced_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, git_sha)
);
CREATE INDEX catalog_documents_latest_idx ON catalog_documents (document_id, synced_at DESC, id DESC);

-- Keep the last 10 versions of each document: older ones go as a new one arrives.
CREATE FUNCTION catalog_documents_keep_last_10() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM catalog_documents
     WHERE document_id = NEW.document_id
       AND id NOT IN (SELECT id FROM catalog_documents
                       WHERE document_id = NEW.document_id
                       ORDER BY synced_at DESC, id DESC
                       LIMIT 10);
    RETURN NULL;
END;
$$;
CREATE TRIGGER catalog_documents_retention AFTER INSERT ON catalog_documents
    FOR EACH ROW EXECUTE FUNCTION catalog_documents_keep_last_10();

CREATE TABLE audit_events (
    id             bigserial   PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    correlation_id text,
    request_id     uuid,
    event_type     text        NOT NULL,
    actor          text        NOT NULL,
    actor_type     text        NOT NULL CHECK (actor_type IN ('user', 'system')),
    from_status    text,
    to_status      text,
    reason         text,
    payload        jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_request_idx ON audit_events (request_id, occurred_at);
CREATE INDEX audit_events_correlation_idx ON audit_events (correlation_id);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at);

-- Audit events are immutable: no UPDATE, DELETE or TRUNCATE by anyone while these triggers stand
-- (retention removes old events through a privileged maintenance path, never the application).
CREATE FUNCTION audit_events_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_immutable();

CREATE TABLE idempotency_keys (
    owner_subject   text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    request_id      uuid,
    response_status integer,
    response_body   jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (owner_subject, idempotency_key)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
