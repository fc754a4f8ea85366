/** Persistence plumbing shared by the capabilities: JSONB converters and schema migration. */
package dev.pao.shared.persistence;
