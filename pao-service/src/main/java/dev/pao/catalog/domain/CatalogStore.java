package dev.pao.catalog.domain;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where catalog snapshots are kept between runs: each new version of a document is recorded with
 * the commit it came from (the database keeps the last 10 of each), and each sync with what it
 * served, so the service can start from the stored copy when the repository cannot be reached, and
 * every instance following the same {@code source} serves the newest one.
 */
public interface CatalogStore {

  /**
   * Records a sync of {@code source}: its report, the documents whose content changed since the
   * last stored version, and which version of each document the catalog serves now. A successful
   * sync tells the other instances (they adopt it through {@link #lastServed}).
   *
   * @return the id of the sync's record
   */
  long record(
      String source,
      SyncReport report,
      Collection<CatalogDocument> changed,
      CatalogSnapshot served);

  /**
   * The catalog as served after the last successful sync of {@code source}, if one was recorded.
   */
  Optional<ServedCatalog> lastServed(String source);

  /** The id of the last successful sync of {@code source}: one indexed read. */
  OptionalLong lastServedId(String source);

  /** The report of the most recent sync of {@code source} by any instance, if any. */
  Optional<SyncReport> lastReport(String source);
}
