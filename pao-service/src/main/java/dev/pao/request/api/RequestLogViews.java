package dev.pao.request.api;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.request.application.RequestQueries;
import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /status} and {@code /logs} answers: a request's progress with the live state of its
 * external items, and its execution log (attempts and audit trail).
 */
final class RequestLogViews {
  private RequestLogViews() {}

  static Map<String, Object> status(RequestQueries.Progress progress) {
    Request request = progress.request();
    List<RequestAction> actions = progress.actions();
    long done = actions.stream().filter(a -> a.state() == ActionStatus.COMPLETED).count();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", request.id().toString());
    status.put("status", request.status().wireName());
    status.put("status_reason", request.statusReason());
    status.put("progress", Map.of("completed", done, "total", actions.size()));
    if (!actions.isEmpty()) {
      RequestAction current =
          actions.get(Math.min(request.currentActionIndex(), actions.size() - 1));
      status.put(
          "current_action",
          Map.of(
              "index", current.index(),
              "action_id", current.step().actionId(),
              "status", current.state().wireName()));
    }
    status.put("external", progress.external().stream().map(RequestLogViews::external).toList());
    return status;
  }

  private static Map<String, Object> external(RequestQueries.External external) {
    RequestAction action = external.action();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("action_index", action.index());
    entry.put("type", action.step().type());
    entry.put("key", action.externalKey());
    entry.put("url", action.externalUrl());
    if (external.answered()) {
      entry.put("external_status", external.externalStatus());
      entry.put("fulfilment", external.fulfilment());
    } else if (external.problem() != null || external.fulfilment() != null) {
      entry.put("fulfilment", external.fulfilment());
      entry.put("problem", external.problem());
    }
    return entry;
  }

  static Map<String, Object> logs(RequestQueries.ExecutionLog executionLog) {
    List<Map<String, Object>> log = new ArrayList<>();
    for (ActionAttempt attempt : executionLog.attempts()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("action_index", attempt.actionIndex());
      entry.put("attempt", attempt.attempt());
      entry.put("delivery", attempt.delivery());
      entry.put("outcome", attempt.outcome());
      entry.put("started_at", attempt.startedAt().toString());
      entry.put(
          "finished_at", attempt.finishedAt() == null ? null : attempt.finishedAt().toString());
      entry.put("payload", attempt.rendered());
      entry.put("response", attempt.response());
      entry.put("error", attempt.error());
      log.add(entry);
    }
    List<Map<String, Object>> events = new ArrayList<>();
    for (AuditEvent event : executionLog.events()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("occurred_at", event.occurredAt().toString());
      entry.put("event_type", event.eventType());
      entry.put("actor", event.actor().name());
      entry.put("actor_type", event.actor().system() ? "system" : "user");
      if (event.transition() != null) {
        entry.put("from", event.transition().from());
        entry.put("to", event.transition().to());
        entry.put("reason", event.transition().reason());
      }
      entry.put("correlation_id", event.correlationId());
      entry.put("payload", event.payload());
      events.add(entry);
    }
    return Map.of("attempts", log, "events", events);
  }
}
