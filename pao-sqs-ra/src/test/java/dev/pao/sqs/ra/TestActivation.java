package dev.pao.sqs.ra;

import static org.awaitility.Awaitility.await;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionFactory;

/**
 * One activation wired to fakes at its ports: an in-memory queue, fake beans, a clock the test
 * moves, a heartbeat timer the test ticks, and pauses that are recorded instead of waited out.
 */
final class TestActivation implements AutoCloseable {
  private static final AtomicInteger QUEUES = new AtomicInteger();

  static final Duration VISIBILITY = Duration.ofSeconds(60);
  static final Duration REDELIVERY_DELAY = Duration.ofSeconds(2);
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  final FakeSqs sqs = new FakeSqs();
  final FakeBeans beans = new FakeBeans();
  final ManualClock clock = new ManualClock();
  final ManualTimer timer = new ManualTimer();
  final RecordedPauses pauses = new RecordedPauses();
  final BridgeSettings settings;
  final InboundQueue queue;
  private boolean started;

  TestActivation(int maxConcurrency) {
    this(maxConcurrency, SHUTDOWN_GRACE, Duration.ofSeconds(1));
  }

  /**
   * An activation whose stop gives beans {@code shutdownGrace}, receiving with {@code waitTime}.
   */
  TestActivation(int maxConcurrency, Duration shutdownGrace, Duration waitTime) {
    settings =
        new BridgeSettings(
            "http://localhost:9324/000000000000/test-" + QUEUES.incrementAndGet() + ".fifo",
            Optional.empty(),
            "us-east-1",
            Optional.empty(),
            Optional.empty(),
            maxConcurrency,
            VISIBILITY,
            waitTime,
            REDELIVERY_DELAY,
            shutdownGrace);
    queue = new InboundQueue(new Bootstrap(timer), beans, settings, s -> sqs, clock, pauses);
  }

  TestActivation start() throws UnavailableException {
    queue.start();
    started = true;
    return this;
  }

  BridgeStats stats() {
    return queue.stats();
  }

  /** Polls every few milliseconds for up to five seconds. */
  static ConditionFactory eventually() {
    return await()
        .atMost(Duration.ofSeconds(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5));
  }

  @Override
  public void close() {
    beans.finishAll();
    if (started && queue.running()) {
      queue.stop();
    }
  }

  /** A clock that stands still until the test moves it. */
  static final class ManualClock extends Clock {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    void advance(Duration by) {
      now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** A timer whose repeating task runs only when the test calls {@link #tick()}. */
  static final class ManualTimer extends Timer {
    private final AtomicReference<TimerTask> task = new AtomicReference<>();
    private volatile long period;

    ManualTimer() {
      super(true);
    }

    @Override
    public void schedule(TimerTask task, long delay, long period) {
      this.task.set(task);
      this.period = period;
    }

    void tick() {
      task.get().run();
    }

    long period() {
      return period;
    }
  }

  /** Pauses recorded with the waiting thread's role, each cut to a millisecond. */
  static final class RecordedPauses implements InboundQueue.Pause {
    private record Recorded(String thread, Duration delay) {}

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void await(Duration delay, CountDownLatch stopRequested) throws InterruptedException {
      recorded.add(new Recorded(Thread.currentThread().getName(), delay));
      stopRequested.await(1, TimeUnit.MILLISECONDS);
    }

    /** The delays asked for by the threads whose name ends with {@code role}, in order. */
    List<Duration> of(String role) {
      return recorded.stream()
          .filter(pause -> pause.thread().endsWith("-" + role))
          .map(Recorded::delay)
          .toList();
    }
  }

  private record Bootstrap(Timer timer) implements BootstrapContext {
    @Override
    public Timer createTimer() {
      return timer;
    }

    @Override
    public WorkManager getWorkManager() {
      throw new UnsupportedOperationException("the adapter runs its own threads");
    }

    @Override
    public XATerminator getXATerminator() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
      return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
      throw new UnsupportedOperationException();
    }
  }
}
