package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.ExternalStatus;
import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.request.api.RequestView;
import dev.pao.request.api.RequestViews;
import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestStatus;
import dev.pao.request.infra.RequestStore;
import dev.pao.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of one request: detail, status with live external state, and the execution log. */
@ApplicationScoped
public class RequestQueries {
  @Inject RequestStore store;
  @Inject RequestAccess access;
  @Inject ActionExecutors executors;
  @Inject AuditLog audit;

  public RequestView detail(UUID id, CurrentUser user) {
    Request request = access.visible(id, user);
    Integer position =
        request.status() == RequestStatus.QUEUED ? (int) store.queuedAhead(request) + 1 : null;
    return RequestViews.detail(request, store.currentActions(id), position);
  }

  /** Current state, current action, progress, and the live state of external tickets. */
  public Map<String, Object> status(UUID id, CurrentUser user) {
    Request request = access.visible(id, user);
    List<RequestAction> actions = store.currentActions(id);
    long done = actions.stream().filter(a -> a.state() == ActionStatus.COMPLETED).count();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", id.toString());
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
    List<Map<String, Object>> external = new ArrayList<>();
    for (RequestAction action : actions) {
      if (action.externalKey() != null) {
        external.add(live(action));
      }
    }
    status.put("external", external);
    return status;
  }

  /**
   * The execution log: every attempt of every action (timestamps, masked payload, response summary,
   * error) and the request's audit trail in order.
   */
  public Map<String, Object> logs(UUID id, CurrentUser user) {
    access.visible(id, user);
    List<Map<String, Object>> log = new ArrayList<>();
    for (ActionAttempt attempt : store.currentAttempts(id)) {
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
    for (AuditEvent event : audit.trail(id)) {
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

  private Map<String, Object> live(RequestAction action) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("action_index", action.index());
    entry.put("type", action.step().type());
    entry.put("key", action.externalKey());
    entry.put("url", action.externalUrl());
    Object instance = action.config().getOrDefault("instance", "default");
    try {
      executors
          .forType(action.step().type())
          .flatMap(
              executor ->
                  executor.liveStatus(
                      new ExternalRef(
                          action.step().type(),
                          String.valueOf(instance),
                          action.externalKey(),
                          action.externalUrl())))
          .ifPresent(
              (ExternalStatus live) -> {
                entry.put("external_status", live.externalStatus());
                entry.put("fulfilment", live.fulfilment());
              });
    } catch (RuntimeException e) {
      entry.put("fulfilment", "unknown");
      entry.put("problem", e.getMessage());
    }
    return entry;
  }
}
