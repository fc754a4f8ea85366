package dev.pao.shared.domain;

import java.util.List;

/** Input the domain refuses, with every problem found, field by field. */
public class ValidationException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public ValidationException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  /** A refusal about one field. */
  public static ValidationException of(String message, String field, String issue) {
    return new ValidationException(message, List.of(new Violation(field, issue)));
  }

  public List<Violation> violations() {
    return violations;
  }

  /** One problem: the field (a dotted path for nested fields) and what is wrong with it. */
  public record Violation(String field, String issue) {}
}
