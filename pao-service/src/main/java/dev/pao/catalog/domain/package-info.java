/** The catalog's domain: stored, versioned catalog documents. */
package dev.pao.catalog.domain;
