package dev.pao.notify.application;

import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.StatusChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a notification tells about a request at a status change: which request, item and owning
 * team, who asked, the new status and why, the failed action (if one failed) and the link to the
 * request in the portal. The owning team is the pinned item's {@code metadata.owner}.
 */
public record RequestFacts(
    String requestId,
    String itemId,
    String itemName,
    String owner,
    String requesterEmail,
    String requesterName,
    String status,
    String reason,
    FailedAction failedAction,
    String link) {

  /** The action that failed: its index, type, id and error message. */
  public record FailedAction(int index, String type, String actionId, String error) {}

  static RequestFacts of(
      Request request, StatusChange change, List<RequestAction> actions, String link) {
    Map<String, Object> item = itemMetadata(request);
    Request.Requester requester = request.requester();
    return new RequestFacts(
        request.id().toString(),
        request.catalog().id(),
        text(item.get("name")).orElse(request.catalog().id()),
        text(item.get("owner")).orElse(null),
        requester.email(),
        requester.name(),
        change.to().wireName(),
        change.reason(),
        failed(actions).orElse(null),
        link);
  }

  /** The facts as a payload's {@code request} object. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", requestId);
    map.put("item", itemId);
    map.put("item_name", itemName);
    if (owner != null) {
      map.put("owner", owner);
    }
    map.put("requester", requesterEmail);
    map.put("status", status);
    if (reason != null) {
      map.put("reason", reason);
    }
    if (failedAction != null) {
      map.put(
          "failed_action",
          Map.of(
              "index", failedAction.index(),
              "type", failedAction.type(),
              "id", failedAction.actionId(),
              "error", failedAction.error()));
    }
    map.put("link", link);
    return map;
  }

  private static Optional<FailedAction> failed(List<RequestAction> actions) {
    return actions.stream()
        .filter(action -> action.state() == ActionStatus.FAILED)
        .reduce((first, second) -> second)
        .map(
            action ->
                new FailedAction(
                    action.index(),
                    action.step().type(),
                    action.step().actionId(),
                    action.error() == null
                        ? ""
                        : text(action.error().get("message")).orElse(action.error().toString())));
  }

  private static Map<String, Object> itemMetadata(Request request) {
    if (request.plan().get("metadata") instanceof Map<?, ?> metadata
        && metadata.get(request.catalog().id()) instanceof Map<?, ?> item) {
      Map<String, Object> copy = new LinkedHashMap<>();
      item.forEach((key, value) -> copy.put(String.valueOf(key), value));
      return copy;
    }
    return Map.of();
  }

  private static Optional<String> text(Object value) {
    return value == null || String.valueOf(value).isBlank()
        ? Optional.empty()
        : Optional.of(String.valueOf(value));
  }
}
