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

  /** Names what the request is, and when it could become what was asked. */
  static String message(UUID request, RequestStatus from, RequestStatus to) {
    String when =
        RequestStatus.predecessorsOf(to).stream()
            .map(RequestStatus::wireName)
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
