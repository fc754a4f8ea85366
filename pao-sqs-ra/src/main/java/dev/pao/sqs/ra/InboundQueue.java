package dev.pao.sqs.ra;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One activation: the queue consumed for one message-driven bean by {@code maxConcurrency} pollers
 * on threads of their own, with its client, heartbeat, acknowledgements and counters.
 *
 * <p>Stopping (the server shutting down) ends receiving at once: a message that a long poll still
 * returns is made visible again without reaching a bean. The messages in progress get the shutdown
 * grace to finish; then their beans are interrupted, and a bean that throws has its message made
 * visible at once for another instance (its transaction rolled back). A bean that returned has its
 * message deleted before the stop returns. A bean that neither returns nor throws in the few
 * seconds after the interrupt is left alone: its message is not released (its work might still
 * commit) and reappears after the visibility timeout, as after a crash.
 */
final class InboundQueue {
  private static final Logger LOG = Logger.getLogger(InboundQueue.class.getName());

  /** How long the deletes of handled messages may take at stop (three tries each). */
  private static final Duration FLUSH_LIMIT = Duration.ofSeconds(10);

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
  private final Set<Thread> handling = new HashSet<>();
  private Duration afterInterrupt = Duration.ofSeconds(5);

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
    Instant stopping = Instant.now();
    stopRequested.countDown();
    try {
      if (pollersDone != null) {
        finishInFlight(stopping);
      }
      if (acknowledgements != null) {
        acknowledgements.finishPending();
      }
      if (!acknowledgementsDone.await(FLUSH_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
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
    LOG.log(
        Level.INFO,
        "Stopped consuming SQS queue {0} in {1} ms",
        new Object[] {settings.queueUrl(), Duration.between(stopping, Instant.now()).toMillis()});
  }

  /**
   * Waits for the messages in progress for the shutdown grace, then interrupts their beans and
   * waits a little more (at least until a long poll under way has ended).
   */
  private void finishInFlight(Instant stopping) throws InterruptedException {
    if (awaitPollers(settings.shutdownGrace())) {
      return;
    }
    int interrupted = interruptHandlers();
    // A poller in a long poll (not interrupted: its answer must be read to be released) ends
    // within the wait time.
    Duration longPollLeft =
        settings.waitTime().plusSeconds(1).minus(Duration.between(stopping, Instant.now()));
    if (!awaitPollers(longer(afterInterrupt, longPollLeft))) {
      LOG.log(
          Level.WARNING,
          "{0} message(s) of {1} still in progress {2} ms after stop was asked; they are left"
              + " hidden and will be redelivered after the visibility timeout",
          new Object[] {
            stats.getInFlight(),
            settings.queueName(),
            Duration.between(stopping, Instant.now()).toMillis()
          });
    } else if (interrupted > 0) {
      LOG.log(
          Level.INFO,
          "Interrupted {0} message(s) of {1} still in progress after the shutdown grace of {2}"
              + " s",
          new Object[] {interrupted, settings.queueName(), settings.shutdownGrace().toSeconds()});
    }
  }

  private boolean awaitPollers(Duration limit) throws InterruptedException {
    return pollersDone.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Interrupts the beans still working on a message; answers how many. */
  private int interruptHandlers() {
    synchronized (handling) {
      handling.forEach(Thread::interrupt);
      return handling.size();
    }
  }

  private static Duration longer(Duration one, Duration other) {
    return one.compareTo(other) >= 0 ? one : other;
  }

  /** How long a stop waits for interrupted beans (tests shorten it). */
  void afterInterruptWaitAtMost(Duration limit) {
    this.afterInterrupt = limit;
  }

  /**
   * Runs {@code delivery} (a bean's {@code onMessage}) as interruptible by a stop whose grace ran
   * out. The thread's interrupt status is cleared afterwards, whoever set it, so the calls that
   * follow (delete, release, the next receive) are not aborted by the client.
   */
  void handle(Runnable delivery) {
    Thread thread = Thread.currentThread();
    synchronized (handling) {
      handling.add(thread);
    }
    try {
      delivery.run();
    } finally {
      // Under the lock: a stop never interrupts a thread that has left its bean.
      synchronized (handling) {
        handling.remove(thread);
        Thread.interrupted();
      }
    }
  }

  boolean running() {
    return stopRequested.getCount() > 0;
  }

  /**
   * Waits for the given time, or less if a stop is requested meanwhile. An interrupt only cuts the
   * wait short: a stop is asked for by {@link #stop()} alone, so an interrupt status that some
   * library left on the thread cannot end consuming.
   */
  void pause(Duration delay) {
    try {
      pause.await(delay, stopRequested);
    } catch (InterruptedException e) {
      LOG.log(Level.FINE, "A pause of {0} was interrupted", settings.queueName());
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
