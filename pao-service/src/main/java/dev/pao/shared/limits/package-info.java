/**
 * Request rate limits: submissions per user and webhook deliveries per source, answered {@code 429
 * RATE_LIMITED} with {@code Retry-After}. The limits are per server instance.
 */
package dev.pao.shared.limits;
