package dev.pao.governance;

import dev.pao.catalog.rules.Principals;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An approval a request must pass before the action at {@code actionIndex} runs (0: before any),
 * fixed at submission and stored with the request's plan: who may approve, how many distinct
 * approvals it needs, how long it may wait, and the rule that asked for it.
 */
public record ApprovalGate(
    int actionIndex,
    String component,
    Principals approvers,
    int minApprovals,
    Duration timeout,
    String rule) {

  /** As stored in the plan ({@code requests.plan.approvals[]}). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("action_index", actionIndex);
    if (component != null) {
      map.put("component", component);
    }
    map.put("approver_teams", approvers.teams());
    map.put("approver_roles", approvers.roles());
    map.put("min_approvals", minApprovals);
    map.put("timeout_seconds", timeout.toSeconds());
    map.put("rule", rule);
    return map;
  }

  /** The gates a stored plan holds (none for requests stored before approvals existed). */
  public static List<ApprovalGate> of(Map<String, Object> plan) {
    if (!(plan.get("approvals") instanceof List<?> gates)) {
      return List.of();
    }
    return gates.stream().map(gate -> fromMap((Map<?, ?>) gate)).toList();
  }

  private static ApprovalGate fromMap(Map<?, ?> map) {
    return new ApprovalGate(
        ((Number) map.get("action_index")).intValue(),
        map.get("component") == null ? null : String.valueOf(map.get("component")),
        new Principals(strings(map.get("approver_teams")), strings(map.get("approver_roles"))),
        ((Number) map.get("min_approvals")).intValue(),
        Duration.ofSeconds(((Number) map.get("timeout_seconds")).longValue()),
        String.valueOf(map.get("rule")));
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  /** The gate the request must pass before the action at {@code index}, if any. */
  public static java.util.Optional<ApprovalGate> before(List<ApprovalGate> gates, int index) {
    return gates.stream().filter(gate -> gate.actionIndex() == index).findFirst();
  }
}
