package dev.pao.request.application;

import dev.pao.request.api.RequestView;
import dev.pao.request.api.RequestViews;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestStatus;
import dev.pao.request.infra.RequestStore;
import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /requests}: the caller's own and their teams' requests (admins: all), newest first
 * with ties broken by id, filtered by status, catalog item and creation date, in cursor pages that
 * never repeat or skip a row while new ones arrive.
 */
@ApplicationScoped
public class RequestListing {
  @Inject RequestStore store;

  /** Filters of a listing; null means "any". */
  public record Filter(
      String status, String catalogItemId, String createdAfter, String createdBefore) {}

  /** One page and the cursor of the next (null on the last page). */
  public record Page(List<RequestView> requests, String nextCursor) {}

  public Page list(CurrentUser user, Filter filter, String cursor, int limit) {
    if (limit < 1 || limit > 200) {
      throw invalid("limit", "between 1 and 200");
    }
    StringBuilder sql = new StringBuilder("SELECT CAST(id AS text) FROM requests WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!user.has(Role.ADMIN)) {
      params.add(user.subject());
      params.add(teamArray(user.teams()));
      sql.append(
          " AND (requester_subject = ?1 OR jsonb_exists_any(requester_teams, CAST(?2 AS text[])))");
    }
    if (filter.status() != null) {
      try {
        params.add(RequestStatus.fromWireName(filter.status()).wireName());
      } catch (IllegalArgumentException e) {
        throw invalid("status", "unknown status '" + filter.status() + "'");
      }
      sql.append(" AND status = ?").append(params.size());
    }
    if (filter.catalogItemId() != null) {
      params.add(filter.catalogItemId());
      sql.append(" AND catalog_item_id = ?").append(params.size());
    }
    if (filter.createdAfter() != null) {
      params.add(instant("created_after", filter.createdAfter()));
      sql.append(" AND created_at >= ?").append(params.size());
    }
    if (filter.createdBefore() != null) {
      params.add(instant("created_before", filter.createdBefore()));
      sql.append(" AND created_at < ?").append(params.size());
    }
    if (cursor != null) {
      String[] position = decode(cursor);
      params.add(Instant.parse(position[0]).atOffset(java.time.ZoneOffset.UTC));
      params.add(UUID.fromString(position[1]));
      sql.append(" AND (created_at, id) < (?")
          .append(params.size() - 1)
          .append(", ?")
          .append(params.size())
          .append(")");
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit + 1);
    Query query = store.entityManager().createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      Object param = params.get(i);
      query.setParameter(
          i + 1, param instanceof Instant at ? at.atOffset(java.time.ZoneOffset.UTC) : param);
    }
    @SuppressWarnings("unchecked")
    List<Object> ids = query.getResultList();
    List<RequestView> page = new ArrayList<>();
    Request last = null;
    for (int i = 0; i < Math.min(ids.size(), limit); i++) {
      last = store.current(UUID.fromString(String.valueOf(ids.get(i)))).orElseThrow();
      page.add(RequestViews.summary(last));
    }
    String next = ids.size() > limit && last != null ? encode(last) : null;
    return new Page(page, next);
  }

  private static String teamArray(List<String> teams) {
    StringBuilder array = new StringBuilder("{");
    for (String team : teams) {
      if (array.length() > 1) {
        array.append(',');
      }
      array.append('"').append(team.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return array.append('}').toString();
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw invalid(field, "an RFC 3339 time or a date (YYYY-MM-DD)");
      }
    }
  }

  private static String encode(Request last) {
    String position = last.createdAt() + "|" + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      Instant.parse(parts[0]);
      UUID.fromString(parts[1]);
      return parts;
    } catch (RuntimeException e) {
      throw invalid("cursor", "not a cursor this API gave out");
    }
  }

  private static ApiException invalid(String field, String issue) {
    return ApiException.validation(
        "Invalid query parameter " + field, List.of(new ErrorDetail(field, issue)));
  }
}
