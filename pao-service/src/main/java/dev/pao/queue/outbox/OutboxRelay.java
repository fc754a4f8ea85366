package dev.pao.queue.outbox;

import dev.pao.queue.domain.ActionQueue;
import dev.pao.queue.domain.Outbox;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxSendListener;
import dev.pao.queue.domain.OutboxWritten;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
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
 * that wrote a message; its periodic poll only catches up after faults. Several relay threads may
 * send at once without breaking a request's order: a request has at most one pending row at a time
 * (its next action is written only when the previous one finished).
 */
@ApplicationScoped
public class OutboxRelay {
  /** Rows per transaction: one queue call's worth. */
  static final int BATCH = ActionQueue.MAX_BATCH;

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  @Inject Outbox outbox;
  @Inject ActionQueue queue;
  @Inject Instance<OutboxSendListener> listeners;
  @Inject OutboxRelay self;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "pao.outbox.poll-millis", defaultValue = "2000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "pao.outbox.relay-threads", defaultValue = "4")
  int relayThreads;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private Clock clock = Clock.systemUTC();
  private Iterable<OutboxSendListener> sendListeners;
  private Executor runner;
  private volatile boolean queueDownLogged;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean stopping;
  private final List<Thread> relays = new ArrayList<>();

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
    // Threads of their own, woken by each commit that wrote a message: a relay run never waits in
    // the executor queue behind HTTP work, and several batches are sent at once (their rows are
    // claimed with SKIP LOCKED, so no row is sent by two of them).
    runner = command -> wakeUp.release();
    for (int i = 0; i < relayThreads; i++) {
      Thread thread = threads.newThread(this::relayUntilStopped);
      thread.setName("pao-outbox-relay-" + (i + 1));
      thread.setDaemon(true);
      relays.add(thread);
      thread.start();
    }
  }

  /**
   * Wakes the relay threads to end: a batch under way finishes its transaction (its queue call is
   * bounded by the client's timeout), so no row is left claimed by an interrupted send; a thread
   * still busy after a few seconds is interrupted.
   */
  @PreDestroy
  void stop() {
    stopping = true;
    wakeUp.release(relays.size());
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (Thread relay : relays) {
      try {
        relay.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    relays.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
  }

  /**
   * Relays whenever nudged (one permit per commit that wrote a message), and at least every poll
   * interval, catching up after faults; a full batch wakes another relay thread to help.
   */
  private void relayUntilStopped() {
    while (!stopping) {
      try {
        wakeUp.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (stopping) {
        return;
      }
      try {
        Batch batch;
        do {
          batch = self.relayBatch();
          if (batch.taken() == BATCH) {
            wakeUp.release();
          }
        } while (batch.failure() == null && batch.taken() == BATCH && !stopping);
        if (batch.failure() != null) {
          queueDown(batch.failure());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Outbox relay run failed", e);
      }
    }
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

  /**
   * Sends one batch of pending rows in one transaction, up to {@link ActionQueue#MAX_BATCH} per
   * queue call. A call holds at most one message per group, so a group's messages keep their order
   * even when a call is answered only in part.
   */
  @Transactional
  public Batch relayBatch() {
    List<OutboxMessage> pending = outbox.claimPending(BATCH);
    int sent = 0;
    for (List<OutboxMessage> call : calls(pending)) {
      List<ActionQueue.Outcome> outcomes =
          queue.sendAll(
              call.stream()
                  .map(
                      message ->
                          new ActionQueue.Outgoing(
                              message.messageGroupId(), message.deduplicationId(), message.body()))
                  .toList());
      for (int i = 0; i < outcomes.size(); i++) {
        OutboxMessage message = call.get(i);
        ActionQueue.Outcome outcome = outcomes.get(i);
        if (outcome.unavailable() != null) {
          message.markSendFailed(outcome.unavailable());
          return new Batch(pending.size(), sent, outcome.unavailable());
        }
        if (outcome.refusal() != null) {
          message.markSendFailed(outcome.refusal());
          LOG.warning("Outbox message " + message.id() + " cannot be sent: " + outcome.refusal());
          continue;
        }
        message.markSent(outcome.messageId(), clock.instant());
        sent++;
        for (OutboxSendListener listener : sendListeners) {
          listener.sent(message);
        }
      }
    }
    if (sent > 0 && queueDownLogged) {
      LOG.info("The action queue is reachable again; the outbox is being relayed");
      queueDownLogged = false;
    }
    return new Batch(pending.size(), sent, null);
  }

  /**
   * The rows in claim order, cut into queue calls of distinct groups and at most the batch limit.
   */
  static List<List<OutboxMessage>> calls(List<OutboxMessage> pending) {
    List<List<OutboxMessage>> calls = new ArrayList<>();
    List<OutboxMessage> call = new ArrayList<>();
    Set<String> groups = new HashSet<>();
    for (OutboxMessage message : pending) {
      if (call.size() == ActionQueue.MAX_BATCH || !groups.add(message.messageGroupId())) {
        calls.add(call);
        call = new ArrayList<>();
        groups.clear();
        groups.add(message.messageGroupId());
      }
      call.add(message);
    }
    if (!call.isEmpty()) {
      calls.add(call);
    }
    return calls;
  }

  private void queueDown(String failure) {
    if (!queueDownLogged) {
      LOG.warning("The action queue is unreachable; messages wait in the outbox: " + failure);
      queueDownLogged = true;
    }
  }
}
