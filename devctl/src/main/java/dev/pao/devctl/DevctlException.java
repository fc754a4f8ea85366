package dev.pao.devctl;

import java.util.List;

/**
 * A command that cannot do what was asked: what to tell the user (a message and detail lines) and
 * the exit code.
 */
public class DevctlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final transient List<String> details;

  public DevctlException(int exitCode, String message, List<String> details) {
    super(message);
    this.exitCode = exitCode;
    this.details = List.copyOf(details);
  }

  public DevctlException(int exitCode, String message) {
    this(exitCode, message, List.of());
  }

  public int exitCode() {
    return exitCode;
  }

  public List<String> details() {
    return details;
  }
}
