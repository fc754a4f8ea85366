-- What a request needs to run without the catalog: the commit it was planned against, and the
-- plan's context (the .metadata namespace of the items involved, the sensitive form paths).
ALTER TABLE requests ADD COLUMN catalog_commit text;
ALTER TABLE requests ADD COLUMN plan jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE requests ADD COLUMN idempotency_key text;

-- Each action knows which earlier actions it depends on (a bundle component's dependencies), for
-- links between the tickets they create, and whether it has effects outside PAO.
ALTER TABLE request_actions ADD COLUMN depends_on jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE request_actions ADD COLUMN rendered jsonb;

-- The execution log: every attempt of every action, with its masked payload and outcome.
CREATE TABLE action_attempts (
    id            bigserial   PRIMARY KEY,
    request_id    uuid        NOT NULL REFERENCES requests (id) ON DELETE CASCADE
                                  DEFERRABLE INITIALLY DEFERRED,
    action_index  integer     NOT NULL,
    attempt       integer     NOT NULL,
    delivery      integer     NOT NULL DEFAULT 1,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    outcome       text        NOT NULL CHECK (outcome IN ('running', 'completed', 'failed',
                      'transient')),
    rendered      jsonb,
    response      jsonb,
    error         jsonb
);
CREATE INDEX action_attempts_request_idx ON action_attempts (request_id, action_index, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON action_attempts TO "${app_role}";
GRANT USAGE, SELECT ON SEQUENCE action_attempts_id_seq TO "${app_role}";
