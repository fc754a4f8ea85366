package dev.pao.request.application;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.DeadLetter;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.request.domain.IdleRequests;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marks requests {@code stuck} when they stop progressing: no progress for {@code
 * pao.requests.stuck-after-seconds} (a running action counts as progress until its deadline), or a
 * message of their current attempt in the dead-letter queue. Safe with several instances: one sweep
 * at a time wins, and the idle requests it takes are locked.
 */
@ApplicationScoped
public class StuckWatchdog {
  private static final Logger LOG = Logger.getLogger(StuckWatchdog.class.getName());
  private static final AuditEvent.Actor WATCHDOG = AuditEvent.Actor.system("watchdog");
  private static final int SWEEP_LIMIT = 100;
  private static final int DEAD_LETTERS_SCANNED = 200;

  @Inject RequestRepository repository;
  @Inject IdleRequests idle;
  @Inject RequestTransitions transitions;
  @Inject DeadLetters deadLetters;
  @Inject StuckWatchdog self;

  @Resource ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> sweeps;

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
    sweeps =
        scheduler.scheduleWithFixedDelay(
            this::sweepSafely, everySeconds, everySeconds, TimeUnit.SECONDS);
  }

  /** No sweep starts once the application stops; one under way finishes its transaction. */
  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  void sweepSafely() {
    try {
      self.sweep(deadLetters.browse(DEAD_LETTERS_SCANNED));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Watchdog sweep failed; trying again next time", e);
    }
  }

  /**
   * One sweep over the idle requests and the given letters of the dead-letter queue; answers how
   * many requests it marked stuck.
   */
  @Transactional
  public int sweep(List<DeadLetter> inDeadLetterQueue) {
    if (!idle.claimSweep()) {
      return 0;
    }
    int marked = 0;
    for (RequestId id : idle.lockIdle(Duration.ofSeconds(stuckAfterSeconds), SWEEP_LIMIT)) {
      marked += mark(id, "no progress for " + stuckAfterSeconds + " s", request -> true);
    }
    for (DeadLetter letter : inDeadLetterQueue) {
      Optional<RequestId> id = RequestId.parse(letter.messageGroupId());
      if (id.isPresent()) {
        marked +=
            mark(
                id.get(),
                "its message reached the dead-letter queue",
                request -> current(letter, id.get()));
      }
    }
    return marked;
  }

  /**
   * Whether a dead letter is for the attempt the request is on: a letter of an older attempt (a
   * retry has moved on) or of a finished action is history, not a reason to stop the request. A
   * letter that does not name its action counts.
   */
  private boolean current(DeadLetter letter, RequestId id) {
    if (!(letter.body().get("action_index") instanceof Number index)
        || !(letter.body().get("attempt") instanceof Number attempt)) {
      return true;
    }
    return repository
        .action(id, index.intValue())
        .map(action -> attempt.intValue() >= action.attempt() && !action.state().finished())
        .orElse(true);
  }

  private int mark(RequestId id, String reason, Predicate<Request> applies) {
    return repository
        .lock(id)
        .filter(request -> request.status().canTransitionTo(RequestStatus.STUCK))
        .filter(applies)
        .map(
            request -> {
              transitions.record(request, request.markStuck(reason, transitions.now()), WATCHDOG);
              LOG.warning("Request " + id + " is stuck: " + reason);
              return 1;
            })
        .orElse(0);
  }
}
