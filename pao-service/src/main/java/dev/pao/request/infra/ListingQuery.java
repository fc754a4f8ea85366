package dev.pao.request.infra;

import dev.pao.request.domain.RequestReads;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one listing page: visibility, filters and the keyset position as bound parameters,
 * newest first with ties broken by id, one row more than the page to tell whether more follow.
 */
record ListingQuery(String text, List<Object> parameters) {
  private static final String VISIBLE =
      "(requester_subject = ?%d OR jsonb_exists_any(requester_teams, CAST(?%d AS text[])))";

  static ListingQuery of(RequestReads.Listing listing) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (listing.visibleTo() != null) {
      parameters.add(listing.visibleTo().subject());
      parameters.add(textArray(listing.visibleTo().teams()));
      conditions.add(VISIBLE.formatted(parameters.size() - 1, parameters.size()));
    }
    if (listing.status() != null) {
      parameters.add(listing.status().wireName());
      conditions.add("status = ?" + parameters.size());
    }
    if (listing.catalogItemId() != null) {
      parameters.add(listing.catalogItemId());
      conditions.add("catalog_item_id = ?" + parameters.size());
    }
    if (listing.createdFrom() != null) {
      parameters.add(timestamp(listing.createdFrom()));
      conditions.add("created_at >= ?" + parameters.size());
    }
    if (listing.createdBefore() != null) {
      parameters.add(timestamp(listing.createdBefore()));
      conditions.add("created_at < ?" + parameters.size());
    }
    if (listing.after() != null) {
      parameters.add(timestamp(listing.after().createdAt()));
      parameters.add(listing.after().id().value());
      conditions.add(
          "(created_at, id) < (?%d, ?%d)".formatted(parameters.size() - 1, parameters.size()));
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    parameters.add(listing.limit() + 1);
    String text =
        "SELECT * FROM requests"
            + where
            + " ORDER BY created_at DESC, id DESC LIMIT ?"
            + parameters.size();
    return new ListingQuery(text, List.copyOf(parameters));
  }

  private static Object timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A PostgreSQL text array literal, each element quoted and escaped. */
  static String textArray(List<String> values) {
    StringBuilder array = new StringBuilder("{");
    for (String value : values) {
      if (array.length() > 1) {
        array.append(',');
      }
      array.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return array.append('}').toString();
  }
}
