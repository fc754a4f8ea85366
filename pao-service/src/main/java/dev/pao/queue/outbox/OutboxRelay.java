package dev.pao.queue.outbox;

import dev.pao.queue.domain.ActionQueue;
import dev.pao.queue.domain.Outbox;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxSendListener;
import dev.pao.queue.domain.OutboxWritten;
import dev.pao.queue.domain.QueueUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends pending outbox messages to the FIFO queue and marks them sent, telling each {@link
 * OutboxSendListener} in the same transaction. Runs in every instance: rows are claimed with {@code
 * FOR UPDATE SKIP LOCKED}, so instances never send the same row at once, and a send repeated after
 * a crash is absorbed by the queue's deduplication id. A failed send is counted on its row with the
 * error, and the batch stops there (the queue is down; the rows wait). Nudged after each commit
 * that wrote a message; its periodic poll only catches up after faults.
 */
@ApplicationScoped
public class OutboxRelay {
  static final int BATCH = 50;
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  @Inject Outbox outbox;
  @Inject ActionQueue queue;
  @Inject Instance<OutboxSendListener> listeners;
  @Inject OutboxRelay self;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "pao.outbox.poll-millis", defaultValue = "2000")
  long pollMillis;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private Clock clock = Clock.systemUTC();
  private Iterable<OutboxSendListener> sendListeners;
  private Executor runner;
  private volatile boolean queueDownLogged;

  protected OutboxRelay() {}

  /** A relay outside the container: batches run on the calling thread. */
  OutboxRelay(
      Outbox outbox, ActionQueue queue, List<OutboxSendListener> sendListeners, Clock clock) {
    this.outbox = outbox;
    this.queue = queue;
    this.sendListeners = List.copyOf(sendListeners);
    this.clock = clock;
    this.self = this;
    this.runner = Runnable::run;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    sendListeners = listeners;
    runner = scheduler;
    scheduler.scheduleWithFixedDelay(this::drain, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Relays soon after a transaction that wrote an outbox message has committed. */
  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    nudge();
  }

  /** Asks for a relay run soon. */
  public void nudge() {
    again.set(true);
    if (runner != null) {
      runner.execute(this::drain);
    }
  }

  /** Sends everything pending; one run at a time per instance. */
  void drain() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      do {
        again.set(false);
        Batch batch;
        do {
          batch = self.relayBatch();
        } while (batch.failure() == null && batch.taken() == BATCH);
        if (batch.failure() != null) {
          queueDown(batch.failure());
          return;
        }
      } while (again.get());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Outbox relay run failed", e);
    } finally {
      running.set(false);
    }
  }

  /** What one batch did: how many rows it took, and the send failure that stopped it, if any. */
  public record Batch(int taken, int sent, String failure) {}

  /** Sends one batch of pending rows in one transaction. */
  @Transactional
  public Batch relayBatch() {
    List<OutboxMessage> pending = outbox.claimPending(BATCH);
    int sent = 0;
    for (OutboxMessage message : pending) {
      try {
        String messageId =
            queue.send(message.messageGroupId(), message.deduplicationId(), message.body());
        message.markSent(messageId, clock.instant());
        sent++;
      } catch (QueueUnavailableException e) {
        message.markSendFailed(describe(e));
        return new Batch(pending.size(), sent, describe(e));
      } catch (IllegalArgumentException e) {
        message.markSendFailed(describe(e));
        LOG.warning("Outbox message " + message.id() + " cannot be sent: " + e.getMessage());
        continue;
      }
      for (OutboxSendListener listener : sendListeners) {
        listener.sent(message);
      }
    }
    if (sent > 0 && queueDownLogged) {
      LOG.info("The action queue is reachable again; the outbox is being relayed");
      queueDownLogged = false;
    }
    return new Batch(pending.size(), sent, null);
  }

  private void queueDown(String failure) {
    if (!queueDownLogged) {
      LOG.warning("The action queue is unreachable; messages wait in the outbox: " + failure);
      queueDownLogged = true;
    }
  }

  private static String describe(RuntimeException e) {
    Throwable cause = e.getCause();
    String detail = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
    String text = e.getMessage() + detail;
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
