/**
 * The catalog store on PostgreSQL: {@link dev.pao.catalog.infra.JpaCatalogStore} implements the
 * store port with JPA, keeping each changed document version with its commit ({@code
 * catalog_documents}, the last 10 per document) and each sync ({@code catalog_syncs}), and reads
 * back the last served catalog so the service can start without the repository.
 */
package dev.pao.catalog.infra;
