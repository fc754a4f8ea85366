package dev.pao.request.api;

import dev.pao.request.application.RequestQueries;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link RequestView}s from the aggregate; entities never leave the service as JSON. */
public final class RequestViews {
  private RequestViews() {}

  /** The short form answered to a submission. */
  public static RequestView summary(Request request) {
    return view(request, null, null, false);
  }

  /** The full form of a read request. */
  public static RequestView detail(RequestQueries.Detail detail) {
    return detail(detail.request(), detail.actions(), detail.queuePosition());
  }

  /** The full form, with actions, outputs and (while queued) the queue position. */
  public static RequestView detail(
      Request request, List<RequestAction> actions, Integer queuePosition) {
    return view(request, actions, queuePosition, true);
  }

  /** The row-only form of a status poll: what the request row alone tells. */
  public static RequestView row(RequestRow row) {
    String base = "/api/v1/requests/" + row.id();
    return new RequestView(
        row.id().toString(),
        row.status().wireName(),
        row.statusReason(),
        row.correlationId(),
        row.catalogItemId(),
        row.catalogItemVersion(),
        row.catalogKind(),
        row.catalogCommit(),
        null,
        null,
        null,
        null,
        null,
        row.createdAt(),
        row.updatedAt(),
        row.finishedAt(),
        links(base),
        null);
  }

  /** The view with only the {@code wanted} properties (wire names); the others are left out. */
  static RequestView only(RequestView view, Set<String> wanted) {
    return new RequestView(
        wanted.contains("id") ? view.id() : null,
        wanted.contains("status") ? view.status() : null,
        wanted.contains("status_reason") ? view.statusReason() : null,
        wanted.contains("correlation_id") ? view.correlationId() : null,
        wanted.contains("catalog_item_id") ? view.catalogItemId() : null,
        wanted.contains("catalog_item_version") ? view.catalogItemVersion() : null,
        wanted.contains("catalog_kind") ? view.catalogKind() : null,
        wanted.contains("catalog_commit") ? view.catalogCommit() : null,
        wanted.contains("requester") ? view.requester() : null,
        wanted.contains("form_data") ? view.formData() : null,
        wanted.contains("outputs") ? view.outputs() : null,
        wanted.contains("actions") ? view.actions() : null,
        wanted.contains("queue_position") ? view.queuePosition() : null,
        wanted.contains("created_at") ? view.createdAt() : null,
        wanted.contains("updated_at") ? view.updatedAt() : null,
        wanted.contains("finished_at") ? view.finishedAt() : null,
        wanted.contains("links") ? view.links() : null,
        wanted.contains("support_ticket") ? view.supportTicket() : null);
  }

  private static Map<String, String> links(String base) {
    return Map.of("self", base, "status", base + "/status", "logs", base + "/logs");
  }

  private static RequestView view(
      Request request, List<RequestAction> actions, Integer queuePosition, boolean detail) {
    String base = "/api/v1/requests/" + request.id();
    Request.Requester requester = request.requester();
    return new RequestView(
        request.id().toString(),
        request.status().wireName(),
        request.statusReason(),
        request.correlationId(),
        request.catalog().id(),
        request.catalog().version(),
        request.catalog().kind(),
        request.catalogCommit(),
        detail
            ? new RequestView.Requester(requester.email(), requester.name(), requester.teams())
            : null,
        detail ? Masking.formData(request) : null,
        detail ? request.outputs() : null,
        actions == null ? null : actions.stream().map(RequestViews::action).toList(),
        queuePosition,
        request.createdAt(),
        detail ? request.updatedAt() : null,
        detail ? request.finishedAt() : null,
        links(base),
        detail
            ? request
                .supportTicket()
                .map(ticket -> new RequestView.SupportTicket(ticket.key(), ticket.url()))
                .orElse(null)
            : null);
  }

  static RequestView.ActionView action(RequestAction action) {
    Map<String, String> ref = null;
    if (action.externalKey() != null || action.externalUrl() != null) {
      ref = new LinkedHashMap<>();
      if (action.externalKey() != null) {
        ref.put("key", action.externalKey());
      }
      if (action.externalUrl() != null) {
        ref.put("url", action.externalUrl());
      }
    }
    RequestAction.Step step = action.step();
    boolean waiting = action.state() == ActionStatus.WAITING;
    return new RequestView.ActionView(
        action.index(),
        step.component(),
        step.catalogItemId(),
        step.actionId(),
        step.type(),
        action.state().wireName(),
        action.attempt(),
        ref,
        action.outputs(),
        action.error(),
        action.startedAt(),
        action.finishedAt(),
        waiting ? String.valueOf(action.waitState().get("waiting_for")) : null,
        waiting ? action.nextCheckAt() : null);
  }
}
