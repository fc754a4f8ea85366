package dev.pao.catalog.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rule of a {@link CatalogPolicy}, named {@code <policy>/<rule>} in answers and audit events.
 */
public sealed interface PolicyRule {
  /** {@code <policy id>/<rule id>}. */
  String name();

  /** Skips the approval a request would need when {@code when} holds. */
  record AutoApprove(String name, Condition when) implements PolicyRule {}

  /**
   * At most {@code maxOpen} requests of the item not yet finished, per team of the requester (or
   * per requester), optionally only when {@code when} holds.
   */
  record Quota(String name, int maxOpen, boolean perTeam, Optional<Condition> when)
      implements PolicyRule {}

  /** Only members of {@code teams} may give {@code field} one of {@code values}. */
  record AllowedValues(String name, String field, List<Object> values, List<String> teams)
      implements PolicyRule {
    public AllowedValues {
      values = List.copyOf(values);
      teams = List.copyOf(teams);
    }
  }

  /** The rule a schema-valid rule map describes. */
  static PolicyRule of(String policy, Map<String, Object> rule) {
    String name = policy + "/" + rule.get("id");
    Object when = rule.get("when");
    Optional<Condition> condition =
        when == null ? Optional.empty() : Optional.of(Condition.compile(String.valueOf(when)));
    return switch (String.valueOf(rule.get("type"))) {
      case "autoApprove" -> new AutoApprove(name, condition.orElseThrow());
      case "quota" ->
          new Quota(
              name,
              ((Number) rule.get("maxOpen")).intValue(),
              !"requester".equals(rule.get("per")),
              condition);
      case "allowedValues" ->
          new AllowedValues(
              name,
              String.valueOf(rule.get("field")),
              List.copyOf((List<?>) rule.get("values")),
              Principals.strings(rule, "teams"));
      default -> throw new IllegalArgumentException("unknown rule type " + rule.get("type"));
    };
  }
}
