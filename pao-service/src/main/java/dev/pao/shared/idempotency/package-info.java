/**
 * The {@code idempotency_keys} table as an entity: a caller's key, the hash of the body it was
 * first used with and the request that use created, until it expires. Claiming a key on submission
 * is done by {@code dev.pao.request.application.IdempotencyKeys}.
 */
package dev.pao.shared.idempotency;
