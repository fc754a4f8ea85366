package dev.pao.request.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What readers see of requests: always what is committed now (in this and every other instance),
 * never entities lingering in a persistence context. Nothing read here is written back.
 */
public interface RequestReads {

  Optional<Request> request(RequestId id);

  /** The request's own row only: what a status poll reads. */
  Optional<RequestRow> row(RequestId id);

  /** The request's actions in run order. */
  List<RequestAction> actionsOf(RequestId id);

  /** Every attempt delivery of every action of the request, in the order they started. */
  List<ActionAttempt> attemptsOf(RequestId id);

  /** How many requests created before this one are still queued or in progress. */
  long queuedAhead(Request request);

  /** One page of a listing, newest first (ties broken by id, descending), read in one query. */
  Slice page(Listing listing);

  /**
   * What a listing asks for; null filters mean "any".
   *
   * @param visibleTo only requests this subject made or one of these teams shares; null for all
   * @param after the position of the last request of the previous page; null for the first page
   * @param limit the page size
   */
  record Listing(
      Visibility visibleTo,
      RequestStatus status,
      String catalogItemId,
      Instant createdFrom,
      Instant createdBefore,
      Position after,
      int limit) {}

  /** Whose requests a caller may list: their own and their teams'. */
  record Visibility(String subject, List<String> teams) {
    public Visibility {
      teams = List.copyOf(teams);
    }
  }

  /** Where a request stands in the listing order. */
  record Position(Instant createdAt, RequestId id) {
    public static Position of(Request request) {
      return new Position(request.createdAt(), request.requestId());
    }
  }

  /** A page and whether more requests follow it. */
  record Slice(List<Request> requests, boolean more) {
    public Slice {
      requests = List.copyOf(requests);
    }
  }
}
