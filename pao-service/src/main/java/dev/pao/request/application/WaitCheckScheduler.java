package dev.pao.request.application;

import dev.pao.queue.domain.WaitCheckMessage;
import dev.pao.queue.outbox.OutboxWriter;
import dev.pao.request.domain.DueWaits;
import dev.pao.request.domain.RequestAction;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds waiting actions whose next check is due and queues their continuation ({@code
 * action_check}) through the outbox, in the same transaction that marks the check queued. SQS FIFO
 * queues have no per-message delay, so the delay lives in the database and this sweep turns it into
 * a message. Runs in every instance; due waits are taken with {@code SKIP LOCKED}, so each is
 * queued once.
 */
@ApplicationScoped
public class WaitCheckScheduler {
  static final int BATCH = 50;
  private static final Logger LOG = Logger.getLogger(WaitCheckScheduler.class.getName());

  @Inject DueWaits due;
  @Inject OutboxWriter outbox;
  @Inject WaitCheckScheduler self;

  @Resource ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> sweeps;

  @Inject
  @ConfigProperty(name = "pao.actions.wait-sweep-millis", defaultValue = "1000")
  long everyMillis;

  protected WaitCheckScheduler() {}

  WaitCheckScheduler(DueWaits due, OutboxWriter outbox) {
    this.due = due;
    this.outbox = outbox;
    this.self = this;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    sweeps =
        scheduler.scheduleWithFixedDelay(
            this::queueDueSafely, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
  }

  /** No sweep starts once the application stops; one under way finishes its transaction. */
  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  void queueDueSafely() {
    try {
      while (self.queueDue() == BATCH) {
        // More are due: take the next batch at once.
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Queueing due wait checks failed; trying again next time", e);
    }
  }

  /** Queues the check of up to {@link #BATCH} due waits; answers how many. */
  @Transactional
  public int queueDue() {
    List<DueWaits.Due> dues = due.lockDue(BATCH);
    for (DueWaits.Due wait : dues) {
      RequestAction action = wait.action();
      int check = action.queueCheck();
      outbox.enqueue(
          new WaitCheckMessage(
              action.requestId(), action.index(), action.attempt(), check, wait.correlationId()));
    }
    return dues.size();
  }
}
