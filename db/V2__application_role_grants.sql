-- The application's role may read and write its working tables, but only read and append audit
-- events. When the application and the migrations share one role, the triggers of V1 still refuse
-- UPDATE, DELETE and TRUNCATE on audit_events.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO "${app_role}";
GRANT SELECT, INSERT, UPDATE, DELETE
    ON requests, request_actions, outbox, catalog_documents, idempotency_keys TO "${app_role}";
GRANT SELECT, INSERT ON audit_events TO "${app_role}";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM "${app_role}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO "${app_role}";
