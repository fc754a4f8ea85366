package dev.pao.shared.domain;

/**
 * A rule of the catalog or its policies does not allow the caller this: the message says why, and
 * {@link #rule} names the rule ({@code <item>/spec.access}, {@code <policy>/<rule>}).
 */
public class ForbiddenException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String rule;

  public ForbiddenException(String message, String rule) {
    super(message);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
