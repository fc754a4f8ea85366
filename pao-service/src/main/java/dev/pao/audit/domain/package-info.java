/**
 * Audit events: the immutable record of every state change and operator action, with its actor (a
 * user or a system component), request, correlation id, status transition, reason and payload. The
 * application may only insert and read them; only the retention purge removes old ones.
 */
package dev.pao.audit.domain;
