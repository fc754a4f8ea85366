/**
 * The audit log as the other capabilities use it: {@link dev.pao.audit.application.AuditLog}
 * appends events inside the caller's transaction, in the order they happened, and reads the trail
 * of one request, oldest first; {@link dev.pao.audit.application.AuditRecorder} appends an event
 * that belongs to no other transaction; {@link dev.pao.audit.application.AuditQuery} lists and
 * exports events across requests for administrators.
 */
package dev.pao.audit.application;
