package dev.pao.shared.domain;

/**
 * A rule of the domain said no. Subtypes say which kind of no; the edges decide what that means to
 * their callers (the HTTP API maps each kind to its error code in {@code shared/api}).
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
