-- Catalog synchronisation: one row per sync (what it read, what it served, what it rejected).
-- "served" maps each served document id to the commit of its stored version in catalog_documents,
-- so the service can start from the database when the catalog repository is unreachable.
CREATE TABLE catalog_syncs (
    id               bigserial   PRIMARY KEY,
    commit_sha       text,
    branch           text        NOT NULL,
    trigger_source   text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('ok', 'failed')),
    started_at       timestamptz NOT NULL,
    duration_ms      bigint      NOT NULL,
    documents_loaded integer     NOT NULL,
    served           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    rejected         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error            text
);
CREATE INDEX catalog_syncs_status_idx ON catalog_syncs (status, id DESC);

-- Keep the last 100 syncs.
CREATE FUNCTION catalog_syncs_keep_last_100() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM catalog_syncs
     WHERE id < (SELECT min(id) FROM (SELECT id FROM catalog_syncs ORDER BY id DESC LIMIT 100) AS recent);
    RETURN NULL;
END;
$$;
CREATE TRIGGER catalog_syncs_retention AFTER INSERT ON catalog_syncs
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_syncs_keep_last_100();

GRANT SELECT, INSERT, DELETE ON catalog_syncs TO "${app_role}";
GRANT USAGE, SELECT ON SEQUENCE catalog_syncs_id_seq TO "${app_role}";
