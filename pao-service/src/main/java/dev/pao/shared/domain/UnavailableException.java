package dev.pao.shared.domain;

import java.util.Optional;

/** Something the operation needs (the queue, the database) cannot be reached; try again later. */
public class UnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String dependency;

  /**
   * @param dependency what is down, named for callers ({@code queue}); null when the message says
   *     enough
   */
  public UnavailableException(String message, String dependency, Throwable cause) {
    super(message, cause);
    this.dependency = dependency;
  }

  public Optional<String> dependency() {
    return Optional.ofNullable(dependency);
  }
}
