/** Idempotency keys of API calls that create or change something. */
package dev.pao.shared.idempotency;
