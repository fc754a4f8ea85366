package dev.pao.notify.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.notify.domain.Channel;
import dev.pao.notify.domain.DeliveryFailedException;
import dev.pao.notify.domain.Notification;
import dev.pao.notify.domain.NotificationOutbox;
import dev.pao.notify.domain.NotificationSender;
import dev.pao.request.application.RequestTransitions;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Sends one batch of due notifications in one transaction and records each outcome on its row:
 * sent, skipped (channel not configured), failed for now (attempts and error counted, next send
 * after the back-off), or given up after the last attempt (logged, counted, audited). A crash
 * between a send and the commit sends that row again: receivers de-duplicate by the event key. The
 * request is never changed, except that a created support ticket is stored on it (with the audit
 * event {@code request.support_ticket_created}).
 */
@ApplicationScoped
public class NotificationDelivery {
  /** Rows per transaction. */
  static final int BATCH = 10;

  private static final Logger LOG = Logger.getLogger(NotificationDelivery.class.getName());
  private static final AuditEvent.Actor RELAY = AuditEvent.Actor.system("notification-relay");

  @Inject NotificationOutbox outbox;
  @Inject Instance<NotificationSender> senders;
  @Inject NotificationMetrics metrics;
  @Inject RequestRepository requests;
  @Inject RequestTransitions transitions;
  @Inject AuditLog audit;
  @Inject Config config;

  private final Clock clock = Clock.systemUTC();
  private final Map<Channel, NotificationSender> byChannel = new EnumMap<>(Channel.class);
  private NotifySettings settings;

  @PostConstruct
  void configure() {
    settings = new NotifySettings(key -> config.getOptionalValue(key, String.class));
    for (NotificationSender sender : senders) {
      byChannel.put(sender.channel(), sender);
    }
  }

  /** Registers the metrics, so they read 0 before the first notification. */
  void describe() {
    metrics.describe();
  }

  /** Sends the due notifications of one batch; answers how many rows it took. */
  @Transactional
  public int deliverBatch() {
    Instant now = clock.instant();
    List<Notification> due = outbox.claimDue(now, BATCH);
    for (Notification notification : due) {
      deliver(notification, now);
    }
    return due.size();
  }

  private void deliver(Notification notification, Instant now) {
    Channel channel = notification.channel();
    NotificationSender sender = byChannel.get(channel);
    try {
      if (sender == null) {
        throw new DeliveryFailedException("no sender for channel " + channel.wireName());
      }
      NotificationSender.Delivery delivery = sender.send(notification);
      if (!delivery.delivered()) {
        notification.markSkipped(delivery.skippedBecause(), now);
        metrics.counted(channel, "skipped");
        return;
      }
      notification.markSent(now);
      metrics.counted(channel, "sent");
      if (channel == Channel.JIRA_SUPPORT && delivery.reference() != null) {
        recordTicket(notification, delivery, now);
      }
    } catch (DeliveryFailedException e) {
      failed(notification, e.getMessage(), now);
    } catch (RuntimeException e) {
      failed(notification, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
    }
  }

  private void failed(Notification notification, String error, Instant now) {
    int failures = notification.attempts() + 1;
    if (failures >= settings.maxAttempts()) {
      notification.giveUp(error);
      metrics.counted(notification.channel(), "gave_up");
      LOG.warning(
          "Gave up the "
              + notification.channel().wireName()
              + " notification "
              + notification.id()
              + " ("
              + notification.event()
              + ") after "
              + failures
              + " attempts: "
              + error);
      requests
          .find(new RequestId(notification.requestId()))
          .ifPresent(request -> auditGiveUp(request, notification, error, now));
      return;
    }
    notification.markAttemptFailed(error, now.plus(settings.backoff().after(failures)));
    metrics.counted(notification.channel(), "retry");
  }

  private void auditGiveUp(Request request, Notification notification, String error, Instant now) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", notification.event());
    payload.put("channel", notification.channel().wireName());
    payload.put("attempts", notification.attempts());
    payload.put("error", error == null ? "" : error);
    audit.append(
        new AuditEvent(
            "notification.failed",
            RELAY,
            request.id(),
            request.correlationId(),
            null,
            payload,
            now));
  }

  private void recordTicket(
      Notification notification, NotificationSender.Delivery delivery, Instant now) {
    requests
        .lock(new RequestId(notification.requestId()))
        .ifPresent(
            request -> {
              request.recordSupportTicket(delivery.reference(), delivery.url(), now);
              Map<String, Object> payload = new LinkedHashMap<>();
              payload.put("key", delivery.reference());
              if (delivery.url() != null) {
                payload.put("url", delivery.url());
              }
              payload.put("project", String.valueOf(notification.payload().get("project")));
              transitions.note(request, "request.support_ticket_created", RELAY, payload);
            });
  }
}
