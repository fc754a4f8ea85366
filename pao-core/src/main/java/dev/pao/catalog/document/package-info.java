/**
 * Validated catalog documents (items and bundles), read-only views of their YAML trees, content
 * hashes, rejections with their file positions, and the snapshot of a whole catalog.
 */
package dev.pao.catalog.document;
