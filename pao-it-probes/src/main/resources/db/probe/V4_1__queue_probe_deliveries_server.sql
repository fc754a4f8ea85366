-- Which server recorded a probe delivery (its HTTP port), for tests with several instances on one
-- queue. Test-only, like the table.
ALTER TABLE queue_probe_deliveries ADD COLUMN server text;
