/**
 * The served catalog and its synchronisation: {@link dev.pao.catalog.sync.CatalogService} serves
 * one immutable snapshot, starts from the stored copy, and on start-up, refresh or webhook reads
 * the repository, has {@code pao-core}'s loader validate the whole commit (keeping the last valid
 * version of a rejected document), swaps the new snapshot in at once and records the sync; {@link
 * dev.pao.catalog.sync.CatalogSettings} holds the repository, branch, cache and webhook settings.
 */
package dev.pao.catalog.sync;
