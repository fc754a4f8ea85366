/**
 * The audit log on PostgreSQL: {@link dev.pao.audit.infra.JpaAuditReads} pages through the
 * append-only {@code audit_events} table with filters and a keyset position.
 */
package dev.pao.audit.infra;
