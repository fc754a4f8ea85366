package dev.pao.request.application;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.request.domain.RequestStatus;
import dev.pao.request.infra.DeadLetterQueue;
import dev.pao.request.infra.RequestStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marks requests {@code stuck} when they stop progressing: no progress for {@code
 * pao.requests.stuck-after-seconds}, or a message of theirs in the dead-letter queue. Safe with
 * several instances: one sweep at a time wins a database advisory lock, and rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class StuckWatchdog {
  private static final Logger LOG = Logger.getLogger(StuckWatchdog.class.getName());
  private static final long SWEEP_LOCK = 0x5041_4f57_4454L; // "PAOWDT"
  private static final AuditEvent.Actor WATCHDOG = AuditEvent.Actor.system("watchdog");

  @Inject RequestStore store;
  @Inject RequestTransitions transitions;
  @Inject DeadLetterQueue deadLetters;
  @Inject StuckWatchdog self;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "pao.requests.stuck-after-seconds", defaultValue = "900")
  long stuckAfterSeconds;

  @Inject
  @ConfigProperty(name = "pao.requests.watchdog-seconds", defaultValue = "30")
  long everySeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    scheduler.scheduleWithFixedDelay(
        this::sweepSafely, everySeconds, everySeconds, TimeUnit.SECONDS);
  }

  private void sweepSafely() {
    try {
      Set<UUID> inDlq = deadLetters.stuckRequests();
      self.sweep(inDlq);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Watchdog sweep failed; trying again next time", e);
    }
  }

  /** One sweep; answers how many requests it marked stuck. */
  @Transactional
  public int sweep(Set<UUID> inDeadLetterQueue) {
    Object won =
        store
            .entityManager()
            .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
            .setParameter(1, SWEEP_LOCK)
            .getSingleResult();
    if (!Boolean.TRUE.equals(won)) {
      return 0;
    }
    int marked = 0;
    @SuppressWarnings("unchecked")
    List<Object> idle =
        store
            .entityManager()
            .createNativeQuery(
                "SELECT CAST(id AS text) FROM requests WHERE status IN ('submitted', 'queued',"
                    + " 'in_progress', 'retrying') AND last_progress_at < now() - make_interval(secs"
                    + " => ?1) ORDER BY last_progress_at LIMIT 100 FOR UPDATE SKIP LOCKED")
            .setParameter(1, (double) stuckAfterSeconds)
            .getResultList();
    for (Object id : idle) {
      marked +=
          mark(UUID.fromString(String.valueOf(id)), "no progress for " + stuckAfterSeconds + " s");
    }
    for (UUID id : inDeadLetterQueue) {
      marked += mark(id, "its message reached the dead-letter queue");
    }
    return marked;
  }

  private int mark(UUID id, String reason) {
    return store
        .lock(id)
        .filter(request -> request.status().canTransitionTo(RequestStatus.STUCK))
        .map(
            request -> {
              transitions.move(request, RequestStatus.STUCK, WATCHDOG, reason);
              LOG.warning("Request " + id + " is stuck: " + reason);
              return 1;
            })
        .orElse(0);
  }
}
