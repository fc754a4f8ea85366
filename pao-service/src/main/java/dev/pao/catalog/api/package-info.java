/**
 * The catalog's HTTP edge: listing and filtering what can be requested ({@link
 * dev.pao.catalog.api.CatalogQuery}), one item or bundle with its form ({@link
 * dev.pao.catalog.api.FormView}), the format's JSON Schema, the last sync and a manual refresh, and
 * the GitHub push webhook that triggers a sync after checking its signature. Resources are thin;
 * {@link dev.pao.catalog.api.CatalogViews} assembles the answers as ordered maps so document
 * content keeps its own keys while the API's own names are snake_case.
 */
package dev.pao.catalog.api;
