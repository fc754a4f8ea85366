-- Governance declared in the catalog: a request may wait for approval before it (or one of its
-- bundle's components) runs, and a rejection ends it. approval_due_at is when an undecided
-- approval escalates; the sweep of every instance finds due ones through the partial index.
ALTER TABLE requests DROP CONSTRAINT requests_status_check;
ALTER TABLE requests ADD CONSTRAINT requests_status_check
    CHECK (status IN ('submitted', 'awaiting_approval', 'queued', 'in_progress', 'completed',
                      'failed', 'retrying', 'aborted', 'rejected', 'escalated', 'stuck'));
ALTER TABLE requests ADD COLUMN approval_due_at timestamptz;
CREATE INDEX requests_approval_due_idx ON requests (approval_due_at)
    WHERE status = 'awaiting_approval';

-- Policies are catalog documents of their own kind (policies/<file>.yaml).
ALTER TABLE catalog_documents DROP CONSTRAINT catalog_documents_kind_check;
ALTER TABLE catalog_documents ADD CONSTRAINT catalog_documents_kind_check
    CHECK (kind IN ('CatalogItem', 'CatalogBundle', 'CatalogPolicy'));

-- One decision per approver and gate (gate = the index of the action the approval stands before).
CREATE TABLE request_approvals (
    id               bigserial   PRIMARY KEY,
    request_id       uuid        NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    gate             integer     NOT NULL,
    approver_subject text        NOT NULL,
    approver_email   text        NOT NULL,
    decision         text        NOT NULL CHECK (decision IN ('approved', 'rejected')),
    reason           text,
    decided_at       timestamptz NOT NULL,
    UNIQUE (request_id, gate, approver_subject)
);

GRANT SELECT, INSERT, DELETE ON request_approvals TO "${app_role}";
GRANT USAGE, SELECT ON SEQUENCE request_approvals_id_seq TO "${app_role}";
