/**
 * The kinds of refusal every capability's domain speaks: not found, invalid state, validation (with
 * its field violations), a reused idempotency key, and an unreachable dependency. They carry no
 * transport concept; {@code shared/api} maps them to HTTP error codes by type.
 */
package dev.pao.shared.domain;
