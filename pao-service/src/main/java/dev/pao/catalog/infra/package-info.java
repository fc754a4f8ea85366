/** The catalog store on PostgreSQL: document versions and sync records through JPA. */
package dev.pao.catalog.infra;
