package dev.pao.notify.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.notify.domain.Notification;
import dev.pao.notify.domain.NotificationOutbox;
import dev.pao.request.application.RequestTransitioned;
import dev.pao.request.domain.RequestRepository;
import dev.pao.shared.correlation.Correlation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Writes the notifications a status change calls for into the notifications outbox, in the
 * transaction of the change (observed synchronously), so they are committed with it or not at all.
 * Planning them never fails the change: a fault is logged and the change goes on without them. An
 * escalation without a configured support project is noted in the audit trail.
 */
@ApplicationScoped
public class RequestNotifier {
  private static final Logger LOG = Logger.getLogger(RequestNotifier.class.getName());
  private static final AuditEvent.Actor NOTIFIER = AuditEvent.Actor.system("notifications");

  @Inject Config config;
  @Inject NotificationOutbox outbox;
  @Inject RequestRepository requests;
  @Inject AuditLog audit;
  @Inject Event<NotificationsWritten> written;

  private final Clock clock = Clock.systemUTC();
  private NotificationPlanner planner;

  @PostConstruct
  void configure() {
    planner =
        new NotificationPlanner(
            new NotifySettings(key -> config.getOptionalValue(key, String.class)));
  }

  void changed(@Observes RequestTransitioned transitioned) {
    try {
      NotificationPlanner.Plan plan =
          planner.plan(
              transitioned.request(),
              transitioned.change(),
              requests.actionsOf(transitioned.request().requestId()),
              clock.instant());
      for (Notification notification : plan.notifications()) {
        outbox.add(notification);
      }
      if (plan.supportTicketMissing()) {
        noteNoTicket(transitioned);
      }
      if (!plan.notifications().isEmpty()) {
        written.fire(new NotificationsWritten(plan.notifications().size()));
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The notifications of request " + transitioned.request().id() + " were not written",
          e);
    }
  }

  private void noteNoTicket(RequestTransitioned transitioned) {
    String correlation = Correlation.current();
    audit.append(
        new AuditEvent(
            "request.support_ticket_skipped",
            NOTIFIER,
            transitioned.request().id(),
            correlation == null ? transitioned.request().correlationId() : correlation,
            null,
            Map.of("reason", "no support JIRA project is configured (pao.support.jira.project)"),
            Instant.now(clock)));
  }
}
