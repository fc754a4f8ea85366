package dev.pao.audit.infra;

import dev.pao.audit.domain.AuditReads;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one audit page: the filters and the keyset position as bound parameters, newest first
 * with ties broken by id, one row more than the page to tell whether more follow. The position is
 * read from the previous page's last row itself (its time as stored, to the microsecond), falling
 * back to the cursor's time when retention removed that row.
 */
record AuditListingQuery(String text, List<Object> parameters) {
  /** The columns in the order {@link JpaAuditReads} reads them. */
  static final String COLUMNS =
      "id, occurred_at, event_type, actor, actor_type, CAST(request_id AS text), correlation_id,"
          + " from_status, to_status, reason, CAST(payload AS text)";

  static AuditListingQuery of(AuditReads.Listing listing) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (listing.requestId() != null) {
      parameters.add(listing.requestId());
      conditions.add("request_id = ?" + parameters.size());
    }
    if (listing.actor() != null) {
      parameters.add(listing.actor());
      conditions.add("actor = ?" + parameters.size());
    }
    if (listing.type() != null) {
      parameters.add(listing.type());
      conditions.add("event_type = ?" + parameters.size());
    }
    if (listing.typePrefix() != null) {
      parameters.add(likePrefix(listing.typePrefix()));
      conditions.add("event_type LIKE ?" + parameters.size() + " ESCAPE '\\'");
    }
    if (listing.since() != null) {
      parameters.add(timestamp(listing.since()));
      conditions.add("occurred_at >= ?" + parameters.size());
    }
    if (listing.until() != null) {
      parameters.add(timestamp(listing.until()));
      conditions.add("occurred_at < ?" + parameters.size());
    }
    if (listing.after() != null) {
      parameters.add(listing.after().id());
      int id = parameters.size();
      parameters.add(timestamp(listing.after().occurredAt()));
      int at = parameters.size();
      parameters.add(listing.after().id());
      conditions.add(
          ("(occurred_at, id) < (COALESCE((SELECT p.occurred_at FROM audit_events p WHERE p.id ="
                  + " ?%d), ?%d), ?%d)")
              .formatted(id, at, parameters.size()));
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    parameters.add(listing.limit() + 1);
    String text =
        "SELECT "
            + COLUMNS
            + " FROM audit_events"
            + where
            + " ORDER BY occurred_at DESC, id DESC LIMIT ?"
            + parameters.size();
    return new AuditListingQuery(text, List.copyOf(parameters));
  }

  /** A LIKE pattern matching what starts with {@code prefix}, its wildcards escaped. */
  static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static Object timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
