package dev.pao.request.application;

import dev.pao.request.domain.RequestAction;
import java.util.List;
import java.util.Map;

/**
 * What a request will do, fixed at submission: the actions in run order (bundle components expanded
 * in dependency order), the {@code .metadata} namespace of the items involved, the sensitive form
 * paths, and for bundles each component's own {@code .current} base: its item's defaults overlaid
 * by the values the bundle fixes for it. Stored with the request, so a later catalog change does
 * not alter it.
 */
public record RequestPlan(
    List<PlannedAction> actions,
    Map<String, Object> metadata,
    List<String> sensitivePaths,
    Map<String, Object> componentValues) {

  /** One action of the plan. */
  public record PlannedAction(
      RequestAction.Step step, Map<String, Object> config, List<Integer> dependsOn) {}

  /** The context stored with the request ({@code requests.plan}). */
  public Map<String, Object> context() {
    return Map.of(
        "metadata", metadata, "sensitive", sensitivePaths, "componentValues", componentValues);
  }
}
