package dev.pao.sqs.ra;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One activation: the queue consumed for one message-driven bean by {@code maxConcurrency} pollers
 * on threads of their own, with its client, heartbeat, acknowledgements and counters. Stopping lets
 * every poller finish its current receive (at most the long-poll wait) and its current message
 * (within a grace period), so no acknowledgement is lost or sent twice.
 */
final class InboundQueue {
  private static final Logger LOG = Logger.getLogger(InboundQueue.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final BootstrapContext context;
  private final MessageEndpointFactory factory;
  private final BridgeSettings settings;
  private final Function<BridgeSettings, SqsClient> clients;
  private final Clock clock;
  private final Pause pause;
  private final OutageMonitor outage;
  private final BridgeStats stats;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private CountDownLatch pollersDone;
  private final CountDownLatch acknowledgementsDone = new CountDownLatch(1);
  private Acknowledgements acknowledgements;
  private SqsClient sqs;
  private VisibilityHeartbeat heartbeat;

  /**
   * How the activation's threads wait between calls (back-off, an application not ready yet): for
   * the given delay, or less if {@code stopRequested} is released meanwhile.
   */
  @FunctionalInterface
  interface Pause {
    Pause UNTIL_STOP_OR_DELAY =
        (delay, stopRequested) -> stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);

    void await(Duration delay, CountDownLatch stopRequested) throws InterruptedException;
  }

  InboundQueue(BootstrapContext context, MessageEndpointFactory factory, BridgeSettings settings) {
    this(
        context,
        factory,
        settings,
        SqsClients::create,
        Clock.systemUTC(),
        Pause.UNTIL_STOP_OR_DELAY);
  }

  /**
   * An activation whose client comes from {@code clients} at start, whose heartbeat and delete
   * deadlines read {@code clock}, and whose threads wait with {@code pause}.
   */
  InboundQueue(
      BootstrapContext context,
      MessageEndpointFactory factory,
      BridgeSettings settings,
      Function<BridgeSettings, SqsClient> clients,
      Clock clock,
      Pause pause) {
    this.context = context;
    this.factory = factory;
    this.settings = settings;
    this.clients = clients;
    this.clock = clock;
    this.pause = pause;
    this.outage = new OutageMonitor(settings.queueName());
    this.stats = new BridgeStats(outage);
  }

  void start() throws UnavailableException {
    sqs = clients.apply(settings);
    heartbeat = new VisibilityHeartbeat(sqs, settings, stats, context.createTimer(), clock);
    heartbeat.start();
    stats.register(settings.queueName());
    pollersDone = new CountDownLatch(settings.maxConcurrency());
    acknowledgements = new Acknowledgements(this);
    startThread(acknowledgements, "acks");
    for (int i = 0; i < settings.maxConcurrency(); i++) {
      startThread(new QueuePoller(this), "poller-" + i);
    }
    LOG.log(
        Level.INFO,
        "Consuming SQS queue {0} with up to {1} messages in parallel (visibility {2} s, wait {3} s)",
        new Object[] {
          settings.queueUrl(),
          settings.maxConcurrency(),
          settings.visibilityTimeout().toSeconds(),
          settings.waitTime().toSeconds()
        });
  }

  /**
   * Pollers block in long polls and handlers for as long as their work takes, so they run on
   * threads of their own rather than the server's shared pool, which also serves HTTP requests.
   */
  private void startThread(Runnable task, String role) {
    Thread thread = new Thread(task, "pao-sqs-" + settings.queueName() + "-" + role);
    thread.setDaemon(true);
    thread.setContextClassLoader(SqsResourceAdapter.class.getClassLoader());
    thread.start();
  }

  void stop() {
    stopRequested.countDown();
    try {
      Duration limit = settings.waitTime().plus(STOP_GRACE);
      if (pollersDone != null && !pollersDone.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(
            Level.WARNING,
            "{0} message(s) of {1} still in progress at stop; they will be redelivered",
            new Object[] {stats.getInFlight(), settings.queueName()});
      }
      if (!acknowledgementsDone.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(Level.WARNING, "Deletes of {0} still pending at stop", settings.queueName());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (heartbeat != null) {
        heartbeat.stop();
      }
      stats.unregister();
      if (sqs != null) {
        sqs.close();
      }
    }
    LOG.log(Level.INFO, "Stopped consuming SQS queue {0}", settings.queueUrl());
  }

  boolean running() {
    return stopRequested.getCount() > 0;
  }

  /** Waits for the given time, or less if a stop is requested meanwhile. */
  void pause(Duration delay) {
    try {
      pause.await(delay, stopRequested);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopRequested.countDown();
    }
  }

  void pollerDone() {
    pollersDone.countDown();
  }

  /** Whether every poller has ended (so no further message will be passed on to be deleted). */
  boolean pollersFinished() {
    return pollersDone.getCount() == 0;
  }

  void acknowledgementsDone() {
    acknowledgementsDone.countDown();
  }

  Acknowledgements acknowledgements() {
    return acknowledgements;
  }

  MessageEndpointFactory factory() {
    return factory;
  }

  BridgeSettings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  SqsClient sqs() {
    return sqs;
  }

  OutageMonitor outage() {
    return outage;
  }

  BridgeStats stats() {
    return stats;
  }

  VisibilityHeartbeat heartbeat() {
    return heartbeat;
  }
}
