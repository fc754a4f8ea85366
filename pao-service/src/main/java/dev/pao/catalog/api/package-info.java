/**
 * The catalog API: list, item, form and JSON Schema, sync status and refresh, and the GitHub push
 * webhook. Resources are thin; views are assembled as maps so document content keeps its own keys.
 */
package dev.pao.catalog.api;
