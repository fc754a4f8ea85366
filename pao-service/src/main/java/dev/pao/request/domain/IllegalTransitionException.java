package dev.pao.request.domain;

import dev.pao.shared.domain.InvalidStateException;
import java.util.UUID;

/** A status change the state machine forbids. */
public class IllegalTransitionException extends InvalidStateException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(UUID request, RequestStatus from, RequestStatus to) {
    super("Request " + request + " is " + from.wireName() + "; it cannot become " + to.wireName());
  }
}
