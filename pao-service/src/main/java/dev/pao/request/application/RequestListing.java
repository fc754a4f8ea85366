package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestStatus;
import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import dev.pao.shared.domain.ListingParameters;
import dev.pao.shared.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
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
    ListingParameters.limit(limit);
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
    return ListingParameters.instant(field, value);
  }

  static String encode(Request last) {
    return encode(RequestReads.Position.of(last));
  }

  static String encode(RequestReads.Position last) {
    return ListingParameters.cursor(last.createdAt(), last.id().toString());
  }

  static RequestReads.Position decode(String cursor) {
    ListingParameters.Position position = ListingParameters.position(cursor);
    try {
      return new RequestReads.Position(position.at(), RequestId.parse(position.id()).orElseThrow());
    } catch (RuntimeException e) {
      throw invalid("cursor", "not a cursor this API gave out");
    }
  }

  private static ValidationException invalid(String field, String issue) {
    return ListingParameters.invalid(field, issue);
  }
}
