package dev.pao.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the audit log across requests: one filtered keyset page at a time, newest first. */
public interface AuditReads {

  /**
   * What a page holds. Null fields mean "any"; {@code typePrefix} matches every type that starts
   * with it ({@code request.}); {@code since} is inclusive, {@code until} exclusive; {@code after}
   * is the last event of the previous page.
   */
  record Listing(
      UUID requestId,
      String actor,
      String type,
      String typePrefix,
      Instant since,
      Instant until,
      Position after,
      int limit) {}

  /** The last event of a page: its time and id. */
  record Position(Instant occurredAt, long id) {}

  /** A page and whether more events follow it. */
  record Slice(List<AuditEntry> events, boolean more) {}

  Slice page(Listing listing);
}
