/**
 * The catalog's domain: validated catalog documents, the snapshot the service serves, sync reports
 * and the store port that keeps versions in the database.
 */
package dev.pao.catalog.domain;
