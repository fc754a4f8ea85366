-- The audit log you can query (GET /api/v1/audit): besides a request's trail (request_id index of
-- V1) and time ranges (occurred_at index of V1), events are found by type - exact or a prefix such
-- as 'request.' (text_pattern_ops serves LIKE 'prefix%') - and by actor, newest first. Events about
-- no request (catalog syncs, webhooks, service accounts) have request_id NULL, which V1 allows.
-- Only indexes are added: audit_events stays append-only (V1 triggers, V2 grants).
CREATE INDEX audit_events_type_idx ON audit_events (event_type text_pattern_ops, occurred_at, id);
CREATE INDEX audit_events_actor_idx ON audit_events (actor, occurred_at, id);
CREATE INDEX audit_events_newest_idx ON audit_events (occurred_at DESC, id DESC);

-- Service accounts for automation: an administrator registers a pipeline's public key; its calls
-- are authenticated by HTTP Message Signatures (RFC 9421) naming key_id. A revoked account keeps
-- its row (revoked_at, revoked_by) for the audit log: rows are never deleted.
CREATE TABLE service_accounts (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    key_id      text        NOT NULL UNIQUE,
    algorithm   text        NOT NULL
        CHECK (algorithm IN ('ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512')),
    public_key  text        NOT NULL,
    teams       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    items       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    revoked_at  timestamptz,
    revoked_by  text
);

-- Signatures seen within the replay window: the same (key_id, signature) a second time is a
-- replay, refused on every instance by the primary key. Rows older than the window are removed as
-- new ones arrive.
CREATE TABLE service_account_nonces (
    key_id    text        NOT NULL,
    signature text        NOT NULL,
    seen_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (key_id, signature)
);
CREATE INDEX service_account_nonces_seen_idx ON service_account_nonces (seen_at);

GRANT SELECT, INSERT, UPDATE ON service_accounts TO "${app_role}";
REVOKE DELETE, TRUNCATE ON service_accounts FROM "${app_role}";
GRANT SELECT, INSERT, DELETE ON service_account_nonces TO "${app_role}";
