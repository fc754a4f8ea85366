/**
 * The service's side of the catalog: sync reports and the store port that keeps document versions
 * in the database. The documents themselves live in {@code pao-core}.
 */
package dev.pao.catalog.domain;
