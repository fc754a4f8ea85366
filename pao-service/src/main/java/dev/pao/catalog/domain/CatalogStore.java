package dev.pao.catalog.domain;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import java.util.Collection;
import java.util.Optional;

/**
 * Where catalog snapshots are kept between runs: each new version of a document is recorded with
 * the commit it came from (the database keeps the last 10 of each), and each sync with what it
 * served, so the service can start from the stored copy when the repository cannot be reached.
 */
public interface CatalogStore {

  /**
   * Records a sync: its report, the documents whose content changed since the last stored version,
   * and which version of each document the catalog serves now.
   */
  void record(SyncReport report, Collection<CatalogDocument> changed, CatalogSnapshot served);

  /** The catalog as served after the last successful sync, if one was recorded. */
  Optional<CatalogSnapshot> lastServed();

  /** The report of the most recent sync, if any. */
  Optional<SyncReport> lastReport();
}
