package dev.pao.request.domain;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import java.util.UUID;

/** A status change the state machine forbids; the API answers it as {@code INVALID_STATE}. */
public class IllegalTransitionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(UUID request, RequestStatus from, RequestStatus to) {
    super(
        ErrorCode.INVALID_STATE,
        "Request " + request + " is " + from.wireName() + "; it cannot become " + to.wireName());
  }
}
