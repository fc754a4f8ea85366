package dev.pao.catalog.domain;

import dev.pao.catalog.document.CatalogSnapshot;

/**
 * A catalog as recorded by a successful sync: the record's id (increasing, so the newest sync of a
 * source is the one every instance serves) and the documents it served.
 */
public record ServedCatalog(long syncId, CatalogSnapshot snapshot) {}
