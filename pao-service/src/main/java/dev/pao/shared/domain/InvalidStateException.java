package dev.pao.shared.domain;

/** The operation does not fit the state the thing is in now. */
public class InvalidStateException extends DomainException {
  private static final long serialVersionUID = 1L;

  public InvalidStateException(String message) {
    super(message);
  }
}
