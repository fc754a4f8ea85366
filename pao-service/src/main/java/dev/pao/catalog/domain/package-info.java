/**
 * The service's own view of catalog state, independent of storage: the {@link
 * dev.pao.catalog.domain.CatalogStore} port that keeps document versions and sync records between
 * runs, and the {@link dev.pao.catalog.domain.SyncReport} of one sync. The documents themselves,
 * their validation and the loading of a commit live in {@code pao-core}.
 */
package dev.pao.catalog.domain;
