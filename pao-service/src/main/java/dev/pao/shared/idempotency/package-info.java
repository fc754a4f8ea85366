/**
 * {@code Idempotency-Key} on the API's changing POSTs: the {@code idempotency_keys} table (per
 * caller, endpoint and key) as an entity and as {@link
 * dev.pao.shared.idempotency.IdempotentAnswers}, and the {@link
 * dev.pao.shared.idempotency.IdempotencyFilter} that replays the first answer of a repeated call to
 * an {@link dev.pao.shared.idempotency.Idempotent} endpoint. Submissions claim their keys inside
 * their own transaction ({@code dev.pao.request.application.IdempotencyKeys}).
 */
package dev.pao.shared.idempotency;
