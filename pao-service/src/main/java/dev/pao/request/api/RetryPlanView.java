package dev.pao.request.api;

import dev.pao.request.application.RequestCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dry-run answer of a retry: which actions would run again, and which reach outside. */
public record RetryPlanView(
    String requestId, String status, List<Map<String, Object>> willRun, List<Integer> kept) {

  static RetryPlanView of(RequestCommands.RetryPlan plan) {
    return new RetryPlanView(
        plan.requestId().toString(),
        plan.status().wireName(),
        plan.willRun().stream().map(RetryPlanView::entry).toList(),
        plan.kept());
  }

  private static Map<String, Object> entry(RequestCommands.Rerun rerun) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("index", rerun.action().index());
    entry.put("component", rerun.action().step().component());
    entry.put("action_id", rerun.action().step().actionId());
    entry.put("type", rerun.action().step().type());
    entry.put("external_side_effects", rerun.externalSideEffects());
    return entry;
  }
}
