/**
 * Governance declared in catalog documents: who may request a document ({@link Access}), which
 * requests need an approval and from whom ({@link ApprovalRule}), the catalog's policies ({@link
 * CatalogPolicy}) and the conditions they are written in ({@link Condition}, CEL). Plain Java, so
 * the server and {@code devctl} apply the same rules.
 */
package dev.pao.catalog.rules;
