/**
 * Persistence plumbing shared by the capabilities: the JPA converters for {@code Instant} and JSONB
 * columns, and the {@link dev.pao.shared.persistence.SchemaMigrator} that applies the versioned
 * migrations of {@code db/} at start-up as the schema owner and retries while the database is
 * unreachable.
 */
package dev.pao.shared.persistence;
