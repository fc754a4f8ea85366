-- Deliveries recorded by the queue test probes (pao-it-probes, deployed only for the integration
-- tests and benchmarks). Test-only: not part of the service's schema.
CREATE TABLE queue_probe_deliveries (
    id             bigserial   PRIMARY KEY,
    run_id         text        NOT NULL,
    probe_key      text        NOT NULL,
    probe          text        NOT NULL,
    message_id     text        NOT NULL,
    group_id       text,
    delivery_count integer     NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('started', 'completed', 'failed')),
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    -- which server recorded it (its HTTP port), for tests with several instances on one queue
    server         text
);
CREATE INDEX queue_probe_deliveries_run_idx ON queue_probe_deliveries (run_id, probe_key, outcome);

GRANT SELECT, INSERT ON queue_probe_deliveries TO "${app_role}";
GRANT USAGE, SELECT ON SEQUENCE queue_probe_deliveries_id_seq TO "${app_role}";
