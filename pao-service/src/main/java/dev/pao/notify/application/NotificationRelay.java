package dev.pao.notify.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends due notifications in every instance: a thread of its own, woken after each commit that
 * wrote notifications and at least every poll interval ({@code pao.notify.poll-millis}), so a
 * notification whose send failed is tried again when its back-off has passed. The sending itself is
 * {@link NotificationDelivery#deliverBatch}, one transaction per batch.
 */
@ApplicationScoped
public class NotificationRelay {
  private static final Logger LOG = Logger.getLogger(NotificationRelay.class.getName());
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  @Inject NotificationDelivery delivery;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "pao.notify.poll-millis", defaultValue = "2000")
  long pollMillis;

  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean stopping;
  private Thread relay;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    delivery.describe();
    relay = threads.newThread(this::relayUntilStopped);
    relay.setName("pao-notification-relay");
    relay.setDaemon(true);
    relay.start();
  }

  /** Lets a batch under way finish its transaction; a thread still busy later is interrupted. */
  @PreDestroy
  void stop() {
    stopping = true;
    wakeUp.release();
    if (relay == null) {
      return;
    }
    try {
      relay.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (relay.isAlive()) {
      relay.interrupt();
    }
  }

  /** Relays soon after a transaction that wrote notifications has committed. */
  void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsWritten written) {
    wakeUp.release();
  }

  private void relayUntilStopped() {
    while (!stopping) {
      try {
        wakeUp.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
      try {
        boolean full = true;
        while (full && !stopping) {
          full = delivery.deliverBatch() == NotificationDelivery.BATCH;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Notification relay run failed", e);
      }
    }
  }
}
