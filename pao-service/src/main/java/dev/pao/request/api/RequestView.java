package dev.pao.request.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request as the API shows it (api-conventions.md, "Requests"). Sensitive form values read back
 * as {@code ***}. Fields that do not apply are left out.
 */
public record RequestView(
    String id,
    String status,
    String statusReason,
    String correlationId,
    String catalogItemId,
    String catalogItemVersion,
    String catalogKind,
    String catalogCommit,
    Requester requester,
    Map<String, Object> formData,
    Map<String, Object> outputs,
    List<ActionView> actions,
    Integer queuePosition,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt,
    Map<String, String> links,
    SupportTicket supportTicket) {

  /** Who asked. */
  public record Requester(String email, String name, List<String> teams) {}

  /** The support ticket an escalation created. */
  public record SupportTicket(String key, String url) {}

  /**
   * One planned action and how it went; while it is {@code waiting}, what it waits for and when it
   * is looked at next.
   */
  public record ActionView(
      int index,
      String component,
      String catalogItemId,
      String actionId,
      String type,
      String status,
      int attempt,
      Map<String, String> externalRef,
      Map<String, Object> outputs,
      Map<String, Object> error,
      Instant startedAt,
      Instant finishedAt,
      String waitingFor,
      Instant nextCheckAt) {}
}
