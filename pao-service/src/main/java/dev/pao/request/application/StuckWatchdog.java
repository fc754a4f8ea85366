package dev.pao.request.application;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.request.domain.IdleRequests;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marks requests {@code stuck} when they stop progressing: no progress for {@code
 * pao.requests.stuck-after-seconds}, or a message of theirs in the dead-letter queue. Safe with
 * several instances: one sweep at a time wins, and the idle requests it takes are locked.
 */
@ApplicationScoped
public class StuckWatchdog {
  private static final Logger LOG = Logger.getLogger(StuckWatchdog.class.getName());
  private static final AuditEvent.Actor WATCHDOG = AuditEvent.Actor.system("watchdog");
  private static final int SWEEP_LIMIT = 100;

  @Inject RequestRepository repository;
  @Inject IdleRequests idle;
  @Inject RequestTransitions transitions;
  @Inject DeadLetters deadLetters;
  @Inject StuckWatchdog self;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "pao.requests.stuck-after-seconds", defaultValue = "900")
  long stuckAfterSeconds;

  @Inject
  @ConfigProperty(name = "pao.requests.watchdog-seconds", defaultValue = "30")
  long everySeconds;

  protected StuckWatchdog() {}

  StuckWatchdog(
      RequestRepository repository,
      IdleRequests idle,
      RequestTransitions transitions,
      DeadLetters deadLetters,
      long stuckAfterSeconds) {
    this.repository = repository;
    this.idle = idle;
    this.transitions = transitions;
    this.deadLetters = deadLetters;
    this.stuckAfterSeconds = stuckAfterSeconds;
    this.self = this;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    scheduler.scheduleWithFixedDelay(
        this::sweepSafely, everySeconds, everySeconds, TimeUnit.SECONDS);
  }

  void sweepSafely() {
    try {
      self.sweep(deadLettered());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Watchdog sweep failed; trying again next time", e);
    }
  }

  /** The requests with a message in the dead-letter queue. */
  private Set<RequestId> deadLettered() {
    Set<RequestId> requests = new LinkedHashSet<>();
    deadLetters.groups().forEach(group -> RequestId.parse(group).ifPresent(requests::add));
    return requests;
  }

  /** One sweep; answers how many requests it marked stuck. */
  @Transactional
  public int sweep(Set<RequestId> inDeadLetterQueue) {
    if (!idle.claimSweep()) {
      return 0;
    }
    int marked = 0;
    for (RequestId id : idle.lockIdle(Duration.ofSeconds(stuckAfterSeconds), SWEEP_LIMIT)) {
      marked += mark(id, "no progress for " + stuckAfterSeconds + " s");
    }
    for (RequestId id : inDeadLetterQueue) {
      marked += mark(id, "its message reached the dead-letter queue");
    }
    return marked;
  }

  private int mark(RequestId id, String reason) {
    return repository
        .lock(id)
        .filter(request -> request.status().canTransitionTo(RequestStatus.STUCK))
        .map(
            request -> {
              transitions.record(request, request.markStuck(reason, transitions.now()), WATCHDOG);
              LOG.warning("Request " + id + " is stuck: " + reason);
              return 1;
            })
        .orElse(0);
  }
}
