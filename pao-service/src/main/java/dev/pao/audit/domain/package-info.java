/** Immutable audit events: every state change, with actor, correlation id and reason. */
package dev.pao.audit.domain;
