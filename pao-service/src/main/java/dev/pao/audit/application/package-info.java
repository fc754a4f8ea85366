/**
 * The audit log as the other capabilities use it: {@link dev.pao.audit.application.AuditLog}
 * appends events inside the caller's transaction, in the order they happened, and reads the trail
 * of one request, oldest first.
 */
package dev.pao.audit.application;
