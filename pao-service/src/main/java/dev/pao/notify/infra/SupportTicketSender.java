package dev.pao.notify.infra;

import dev.pao.action.jira.JiraExecutor;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionResult;
import dev.pao.notify.domain.Channel;
import dev.pao.notify.domain.DeliveryFailedException;
import dev.pao.notify.domain.Notification;
import dev.pao.notify.domain.NotificationSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates an escalation's ticket in the support JIRA project through the jira action's client, so
 * it shares its instances ({@code pao.jira.<name>.*}), outbound policy and idempotency: the ticket
 * carries the label {@code pao-<request id>--1-1} (the key of a pseudo action -1, which no planned
 * action has) and the label is searched for before creating, so sending the row again finds the
 * ticket made before instead of making another.
 */
@ApplicationScoped
public class SupportTicketSender implements NotificationSender {
  /** The action index of the support ticket in its idempotency key. */
  static final int SUPPORT_INDEX = -1;

  @Inject JiraExecutor jira;

  @Override
  public Channel channel() {
    return Channel.JIRA_SUPPORT;
  }

  @Override
  public Delivery send(Notification notification) throws DeliveryFailedException {
    Map<String, Object> ticket = notification.payload();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("instance", ticket.get("instance"));
    spec.put("project", ticket.get("project"));
    spec.put("issueType", ticket.get("issue_type"));
    spec.put("summary", ticket.get("summary"));
    spec.put("description", ticket.get("description"));
    spec.put("labels", List.of("pao-support"));
    ActionCall call =
        new ActionCall(
            notification.requestId(),
            SUPPORT_INDEX,
            1,
            spec,
            List.of(),
            null,
            Instant.now().plus(Duration.ofSeconds(30)),
            null);
    try {
      ActionResult result = jira.execute(call);
      return Delivery.created(
          String.valueOf(result.document().get("key")),
          String.valueOf(result.document().get("url")));
    } catch (RuntimeException e) {
      throw new DeliveryFailedException(
          "the support JIRA refused or is unreachable: " + e.getMessage(), e);
    }
  }
}
