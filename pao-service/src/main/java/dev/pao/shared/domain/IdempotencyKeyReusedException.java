package dev.pao.shared.domain;

/** An idempotency key came back with a different body while it is still remembered. */
public class IdempotencyKeyReusedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException(String message) {
    super(message);
  }
}
