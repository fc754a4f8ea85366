package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestStatus;
import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import dev.pao.shared.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * {@code GET /requests}: the caller's own and their teams' requests (admins: all), newest first
 * with ties broken by id, filtered by status, catalog item and creation date, in cursor pages that
 * never repeat or skip a row while new ones arrive.
 */
@ApplicationScoped
public class RequestListing {
  @Inject RequestReads reads;

  protected RequestListing() {}

  RequestListing(RequestReads reads) {
    this.reads = reads;
  }

  /** Filters of a listing as the caller wrote them; null means "any". */
  public record Filter(
      String status, String catalogItemId, String createdAfter, String createdBefore) {}

  /** One page and the cursor of the next (null on the last page). */
  public record Page(List<Request> requests, String nextCursor) {}

  public Page list(CurrentUser user, Filter filter, String cursor, int limit) {
    if (limit < 1 || limit > 200) {
      throw invalid("limit", "between 1 and 200");
    }
    RequestReads.Visibility visibility =
        user.has(Role.ADMIN) ? null : new RequestReads.Visibility(user.subject(), user.teams());
    RequestReads.Slice slice =
        reads.page(
            new RequestReads.Listing(
                visibility,
                status(filter.status()),
                filter.catalogItemId(),
                instant("created_after", filter.createdAfter()),
                instant("created_before", filter.createdBefore()),
                cursor == null ? null : decode(cursor),
                limit));
    List<Request> requests = slice.requests();
    String next =
        slice.more() && !requests.isEmpty() ? encode(requests.get(requests.size() - 1)) : null;
    return new Page(requests, next);
  }

  private static RequestStatus status(String value) {
    if (value == null) {
      return null;
    }
    try {
      return RequestStatus.fromWireName(value);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "status",
          "unknown status '"
              + value
              + "'; one of "
              + java.util.Arrays.stream(RequestStatus.values())
                  .map(RequestStatus::wireName)
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
  }

  private static Instant instant(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw invalid(field, "an RFC 3339 time or a date (YYYY-MM-DD)");
      }
    }
  }

  static String encode(Request last) {
    return encode(RequestReads.Position.of(last));
  }

  static String encode(RequestReads.Position last) {
    String position = last.createdAt() + "|" + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  static RequestReads.Position decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      return new RequestReads.Position(
          Instant.parse(parts[0]), RequestId.parse(parts[1]).orElseThrow());
    } catch (RuntimeException e) {
      throw invalid("cursor", "not a cursor this API gave out");
    }
  }

  private static ValidationException invalid(String field, String issue) {
    return ValidationException.of("Invalid query parameter " + field, field, issue);
  }
}
