package dev.pao.catalog.rules;

import dev.pao.catalog.document.ReadOnly;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code approval} of an item, a bundle or a bundle component: who approves ({@code approvers}),
 * how many distinct approvals are needed, when it applies (a {@link Condition}; always without one)
 * and after how many hours an undecided approval escalates (the server's default without one).
 */
public record ApprovalRule(
    Principals approvers, int minApprovals, Optional<Condition> when, Optional<Duration> timeout) {

  /** The rule {@code approval} describes (a schema-valid map). */
  public static ApprovalRule of(Map<String, Object> approval) {
    Object when = approval.get("when");
    Object min = approval.get("minApprovals");
    Object timeout = approval.get("timeout");
    return new ApprovalRule(
        Principals.of(ReadOnly.mapAt(approval, "approvers")),
        min == null ? 1 : ((Number) min).intValue(),
        when == null ? Optional.empty() : Optional.of(Condition.compile(String.valueOf(when))),
        timeout == null ? Optional.empty() : Optional.of(duration(String.valueOf(timeout))));
  }

  /** The rule at {@code key} of {@code spec}, if there is one. */
  public static Optional<ApprovalRule> at(Map<String, Object> spec, String key) {
    return spec.get(key) == null ? Optional.empty() : Optional.of(of(ReadOnly.mapAt(spec, key)));
  }

  /** A duration written {@code 90s}, {@code 30m}, {@code 48h} or {@code 7d}. */
  public static Duration duration(String text) {
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("not a duration: " + text);
    };
  }

  /**
   * Whether the rule applies to a request. A condition that cannot be evaluated counts as applying:
   * when in doubt, a person looks.
   */
  public boolean appliesTo(Condition.ConditionInput input) {
    if (when.isEmpty()) {
      return true;
    }
    try {
      return when.get().test(input);
    } catch (ConditionException e) {
      return true;
    }
  }
}
