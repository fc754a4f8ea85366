package dev.pao.request.application;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionQueue;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.QueueUnavailableException;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestStatus;
import dev.pao.request.infra.RequestStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends pending outbox messages to the FIFO queue and marks them sent; a request still {@code
 * submitted} (or {@code retrying}) becomes {@code queued}. Runs in every instance: rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so instances never send the same row at once, and a send
 * repeated after a crash is absorbed by the queue's deduplication id. It is nudged right after each
 * commit that adds a message; its periodic poll only catches up after faults.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 50;

  @Inject RequestStore store;
  @Inject ActionQueue queue;
  @Inject RequestTransitions transitions;
  @Inject OutboxRelay self;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "pao.outbox.poll-millis", defaultValue = "2000")
  long pollMillis;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final Clock clock = Clock.systemUTC();
  private volatile boolean queueDownLogged;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    scheduler.scheduleWithFixedDelay(this::drain, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Asks for a relay run soon (after a commit that added messages). */
  public void nudge() {
    again.set(true);
    scheduler.execute(this::drain);
  }

  /** Sends everything pending; one run at a time per instance. */
  void drain() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      do {
        again.set(false);
        while (self.relayBatch() == BATCH) {
          // more waiting
        }
      } while (again.get());
    } catch (QueueUnavailableException e) {
      if (!queueDownLogged) {
        LOG.warning(
            "The action queue is unreachable; messages wait in the outbox: " + e.getMessage());
        queueDownLogged = true;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Outbox relay run failed", e);
    } finally {
      running.set(false);
    }
  }

  /** Sends one batch of pending rows in one transaction; answers how many it took. */
  @Transactional
  public int relayBatch() {
    @SuppressWarnings("unchecked")
    List<Long> ids =
        store
            .entityManager()
            .createNativeQuery(
                "SELECT id FROM outbox WHERE status = 'pending' ORDER BY id LIMIT "
                    + BATCH
                    + " FOR UPDATE SKIP LOCKED")
            .getResultList()
            .stream()
            .map(id -> ((Number) id).longValue())
            .toList();
    for (Long id : ids) {
      OutboxMessage message = store.entityManager().find(OutboxMessage.class, id);
      String messageId =
          queue.send(message.messageGroupId(), message.deduplicationId(), message.body());
      message.markSent(messageId, clock.instant());
      // Locked like every other writer of the request (the runner may be starting it right now).
      store.lock(message.requestId()).ifPresent(this::markQueued);
    }
    if (!ids.isEmpty() && queueDownLogged) {
      LOG.info("The action queue is reachable again; the outbox is being relayed");
      queueDownLogged = false;
    }
    return ids.size();
  }

  private void markQueued(Request request) {
    if (request.status() == RequestStatus.SUBMITTED || request.status() == RequestStatus.RETRYING) {
      transitions.move(
          request,
          RequestStatus.QUEUED,
          AuditEvent.Actor.system("outbox-relay"),
          "sent to the queue");
    }
  }
}
