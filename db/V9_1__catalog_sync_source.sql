-- Which catalog a sync belongs to (a hash of the repository address and branch, since the address
-- may carry credentials). Instances that follow the same repository and branch serve the newest
-- successful sync of that source: a sync NOTIFYs channel pao_catalog, and every instance also
-- looks for a newer one every few seconds. Syncs recorded before this column are of any source.
ALTER TABLE catalog_syncs ADD COLUMN source_key text;
CREATE INDEX catalog_syncs_served_idx ON catalog_syncs (source_key, id) WHERE status = 'ok';
