-- Retention of audit events: the only way old events leave the table. The function runs with the
-- owner's rights, removes only events older than the retention (never less than 30 days), and is
-- the one thing the application's role may call to do it.
CREATE FUNCTION audit_events_purge(older_than_days integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema} AS $$
DECLARE
    removed integer;
BEGIN
    IF older_than_days < 30 THEN
        RAISE EXCEPTION 'audit retention must be at least 30 days (got %)', older_than_days;
    END IF;
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
    DELETE FROM audit_events WHERE occurred_at < now() - make_interval(days => older_than_days);
    GET DIAGNOSTICS removed = ROW_COUNT;
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;
    RETURN removed;
END;
$$;
REVOKE ALL ON FUNCTION audit_events_purge(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_events_purge(integer) TO "${app_role}";
