package dev.pao.request.domain;

import dev.pao.shared.domain.InvalidStateException;
import java.util.UUID;
import java.util.stream.Collectors;

/** A status change the state machine forbids. */
public class IllegalTransitionException extends InvalidStateException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(UUID request, RequestStatus from, RequestStatus to) {
    super(message(request, from, to));
  }

  private IllegalTransitionException(String message) {
    super(message);
  }

  /** An abort of a request whose action a worker is running right now. */
  static IllegalTransitionException actionRunning(UUID request) {
    return new IllegalTransitionException(
        "Request "
            + request
            + " is in_progress with its action running; it cannot become aborted until the"
            + " action waits (or ends)");
  }

  /** An approval decision about a request that does not await one. */
  public static IllegalTransitionException notAwaitingApproval(UUID request, RequestStatus status) {
    return new IllegalTransitionException(
        "Request "
            + request
            + " is "
            + status.wireName()
            + "; only a request that is awaiting_approval can be approved or rejected");
  }

  /** Names what the request is, and when it could become what was asked. */
  static String message(UUID request, RequestStatus from, RequestStatus to) {
    String when =
        RequestStatus.predecessorsOf(to).stream()
            .map(
                status ->
                    status == RequestStatus.IN_PROGRESS && to == RequestStatus.ABORTED
                        ? "in_progress (while its action waits)"
                        : status.wireName())
            .collect(Collectors.joining(", "));
    int last = when.lastIndexOf(", ");
    if (last >= 0) {
      when = when.substring(0, last) + " or " + when.substring(last + 2);
    }
    return "Request "
        + request
        + " is "
        + from.wireName()
        + "; it cannot become "
        + to.wireName()
        + (when.isEmpty() ? "" : " (only a request that is " + when + " can)");
  }
}
