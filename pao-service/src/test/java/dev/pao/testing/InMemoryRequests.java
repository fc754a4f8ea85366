package dev.pao.testing;

import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestRow;
import dev.pao.request.domain.RequestStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Requests kept in memory, for both the writers' and the readers' port. */
public final class InMemoryRequests implements RequestRepository, RequestReads {
  private final java.util.Set<RequestId> heldElsewhere = new java.util.HashSet<>();
  private final Map<RequestId, Request> requests = new LinkedHashMap<>();
  private final Map<RequestId, List<RequestAction>> actions = new LinkedHashMap<>();
  private final List<ActionAttempt> attempts = new ArrayList<>();
  private final List<RequestId> locked = new ArrayList<>();

  @Override
  public void add(Request request, List<RequestAction> planned) {
    requests.put(request.requestId(), request);
    actions.put(request.requestId(), new ArrayList<>(planned));
  }

  @Override
  public Optional<Request> find(RequestId id) {
    return Optional.ofNullable(requests.get(id));
  }

  @Override
  public Optional<Request> lock(RequestId id) {
    locked.add(id);
    return find(id);
  }

  @Override
  public Optional<Request> lockIfFree(RequestId id) {
    return heldElsewhere.contains(id) ? Optional.empty() : lock(id);
  }

  /** Makes {@link #lockIfFree} find the request held by another transaction. */
  public void holdElsewhere(RequestId id) {
    heldElsewhere.add(id);
  }

  /** The ids {@link #lock} was asked for, in order. */
  public List<RequestId> locked() {
    return List.copyOf(locked);
  }

  @Override
  public List<RequestAction> actionsOf(RequestId id) {
    return List.copyOf(actions.getOrDefault(id, List.of()));
  }

  @Override
  public Optional<RequestAction> action(RequestId id, int index) {
    return actionsOf(id).stream().filter(action -> action.index() == index).findFirst();
  }

  @Override
  public void addAttempt(ActionAttempt attempt) {
    attempts.add(attempt);
  }

  @Override
  public Optional<ActionAttempt> latestAttempt(RequestId id, int index, int attempt) {
    return attemptsOf(id).stream()
        .filter(t -> t.actionIndex() == index && t.attempt() == attempt)
        .reduce((first, second) -> second);
  }

  @Override
  public Optional<Request> request(RequestId id) {
    return find(id);
  }

  @Override
  public Optional<RequestRow> row(RequestId id) {
    return find(id).map(Request::row);
  }

  @Override
  public List<ActionAttempt> attemptsOf(RequestId id) {
    return attempts.stream().filter(t -> t.requestId().equals(id.value())).toList();
  }

  @Override
  public long queuedAhead(Request request) {
    return requests.values().stream()
        .filter(r -> r.status() == RequestStatus.QUEUED || r.status() == RequestStatus.IN_PROGRESS)
        .filter(r -> r.createdAt().isBefore(request.createdAt()))
        .count();
  }

  @Override
  public Slice page(Listing listing) {
    Comparator<Request> newestFirst =
        Comparator.comparing(Request::createdAt).thenComparing(Request::id).reversed();
    Stream<Request> matching =
        requests.values().stream()
            .filter(r -> listing.status() == null || r.status() == listing.status())
            .filter(
                r ->
                    listing.visibleTo() == null
                        || r.requester().subject().equals(listing.visibleTo().subject())
                        || r.requester().teams().stream()
                            .anyMatch(listing.visibleTo().teams()::contains))
            .filter(
                r ->
                    listing.after() == null
                        || newestFirst.compare(r, requests.get(listing.after().id())) > 0)
            .sorted(newestFirst);
    List<Request> rows = matching.limit(listing.limit() + 1L).toList();
    boolean more = rows.size() > listing.limit();
    return new Slice(more ? rows.subList(0, listing.limit()) : rows, more);
  }
}
