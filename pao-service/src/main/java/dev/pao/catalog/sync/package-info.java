/**
 * Catalog synchronisation: reading the repository, validating the whole new snapshot, keeping the
 * last valid version of each document, swapping the served catalog atomically and recording it.
 */
package dev.pao.catalog.sync;
