package dev.pao.catalog.domain;

import dev.pao.catalog.document.Rejection;
import java.time.Instant;
import java.util.List;

/**
 * What one catalog sync did: the commit it read, what started it, when and how long it took, how
 * many documents the catalog now serves, and every rejected document. A sync that could not read
 * the repository has status {@code failed} and an error; the catalog it served before stays.
 *
 * @param source {@code repository}, or {@code database} when the service started from its stored
 *     copy because the repository was unreachable
 */
public record SyncReport(
    String commit,
    String branch,
    String trigger,
    String source,
    String status,
    Instant startedAt,
    long durationMillis,
    int documentsLoaded,
    List<Rejection> rejected,
    String error,
    List<Rejection> warnings) {

  /** A report without warnings. */
  public SyncReport(
      String commit,
      String branch,
      String trigger,
      String source,
      String status,
      Instant startedAt,
      long durationMillis,
      int documentsLoaded,
      List<Rejection> rejected,
      String error) {
    this(
        commit,
        branch,
        trigger,
        source,
        status,
        startedAt,
        durationMillis,
        documentsLoaded,
        rejected,
        error,
        List.of());
  }

  public static final String OK = "ok";
  public static final String FAILED = "failed";

  public SyncReport {
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }
}
