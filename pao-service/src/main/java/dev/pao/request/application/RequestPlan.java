package dev.pao.request.application;

import dev.pao.request.domain.RequestAction;
import java.util.List;
import java.util.Map;

/**
 * What a request will do, fixed at submission: the actions in run order (bundle components expanded
 * in dependency order), the {@code .metadata} namespace of the items involved, and the sensitive
 * form paths. Stored with the request, so a later catalog change does not alter it.
 */
public record RequestPlan(
    List<PlannedAction> actions, Map<String, Object> metadata, List<String> sensitivePaths) {

  /** One action of the plan. */
  public record PlannedAction(
      RequestAction.Step step, Map<String, Object> config, List<Integer> dependsOn) {}

  /** The context stored with the request ({@code requests.plan}). */
  public Map<String, Object> context() {
    return Map.of("metadata", metadata, "sensitive", sensitivePaths);
  }
}
