/**
 * The catalog repository as a source: {@link dev.pao.catalog.git.GitCatalogSource} fetches one
 * branch of a remote URL or local path into a bare cache with JGit and reads the catalog files
 * ({@code catalog/}, {@code bundles/}) and the CODEOWNERS file straight from the head commit's
 * tree; {@link dev.pao.catalog.git.CatalogSourceException} says the repository could not be read.
 */
package dev.pao.catalog.git;
