/**
 * The validated catalog as values: {@link dev.pao.catalog.document.CatalogDocument} (an item or a
 * bundle with its identity, owner, origin and read-only definition), the {@link
 * dev.pao.catalog.document.CatalogSnapshot} of a whole catalog that a sync swaps in at once, the
 * canonical {@link dev.pao.catalog.document.ContentHash} that tells a changed document from an
 * unchanged one, and the {@link dev.pao.catalog.document.Rejection} that says why a document was
 * not published and where.
 */
package dev.pao.catalog.document;
