package dev.pao.request.application;

import dev.pao.request.domain.RetentionStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention policy, applied hourly: completed requests go after {@code
 * pao.retention.completed-days} (90), failed, aborted and escalated ones after {@code
 * pao.retention.failed-days} (180), audit events after {@code pao.retention.audit-days} (400),
 * expired idempotency keys at once. Active requests are never removed. Every instance schedules it;
 * one instance at a time runs it.
 */
@ApplicationScoped
public class RetentionJob {
  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  @Inject RetentionStore retention;
  @Inject RetentionJob self;

  @Resource ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> sweeps;

  @Inject
  @ConfigProperty(name = "pao.retention.completed-days", defaultValue = "90")
  int completedDays;

  @Inject
  @ConfigProperty(name = "pao.retention.failed-days", defaultValue = "180")
  int failedDays;

  @Inject
  @ConfigProperty(name = "pao.retention.audit-days", defaultValue = "400")
  int auditDays;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    sweeps =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                self.purge();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention purge failed; trying again later", e);
              }
            },
            10,
            3600,
            TimeUnit.SECONDS);
  }

  /** No purge starts once the application stops; one under way finishes its transaction. */
  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  /** Removes what the policy no longer keeps; answers the number of requests removed. */
  @Transactional
  public int purge() {
    if (!retention.claimRun()) {
      return 0; // another instance is applying the policy now
    }
    int requests = retention.removeFinishedRequests(completedDays, failedDays);
    retention.removeExpiredIdempotencyKeys();
    retention.removeAuditEventsOlderThan(auditDays);
    if (requests > 0) {
      LOG.info("Retention removed " + requests + " finished requests");
    }
    return requests;
  }
}
