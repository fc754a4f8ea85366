package dev.pao.request.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where requests, their planned actions and their attempts are kept, inside the caller's
 * transaction: what a writer loads, changes and adds. Loading with {@link #lock} makes the caller
 * the request's only writer until its transaction ends (the runner, the relay, the watchdog and the
 * commands all change requests concurrently, in several instances).
 */
public interface RequestRepository {

  /** Adds a new request with its planned actions. */
  void add(Request request, List<RequestAction> actions);

  /** The request as the current transaction sees it. */
  Optional<Request> find(RequestId id);

  /** The request, row-locked until the transaction ends. */
  Optional<Request> lock(RequestId id);

  /**
   * The request, row-locked until the transaction ends, unless another transaction holds its lock
   * right now: then empty at once, without waiting (and without failing the transaction).
   */
  Optional<Request> lockIfFree(RequestId id);

  /** The request's actions in run order. */
  List<RequestAction> actionsOf(RequestId id);

  /** One action of the request, by its index in the plan. */
  Optional<RequestAction> action(RequestId id, int index);

  /** Adds the log entry of a new attempt delivery. */
  void addAttempt(ActionAttempt attempt);

  /** The newest log entry of an action's attempt, if one was started. */
  Optional<ActionAttempt> latestAttempt(RequestId id, int index, int attempt);
}
