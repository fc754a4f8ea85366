package dev.pao.action.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * One circuit breaker per outbound host (resilience4j): after {@code threshold} consecutive
 * failures (no answer, or 5xx) calls to the host are refused for {@code openFor}; then one trial
 * call decides whether it closes again.
 *
 * <p>MicroProfile Fault Tolerance's {@code @CircuitBreaker} keeps its state per annotated bean
 * method, so one failing JIRA instance would pause calls to every other host reached through the
 * same method; the state is kept here, keyed by host, instead.
 */
public final class HostBreakers {
  private final CircuitBreakerConfig config;
  private final Duration openFor;
  private final Clock clock;
  private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
  private final CircuitListener listener;
  private final Map<String, CircuitBreaker> byHost = new ConcurrentHashMap<>();

  /** Told when a host's breaker is first created, so its state can be exposed as a metric. */
  @FunctionalInterface
  public interface CircuitListener {
    void created(String host, ToLongFunction<String> openState);
  }

  public HostBreakers(int threshold, Duration openFor, CircuitListener listener) {
    this(threshold, openFor, listener, Clock.systemUTC());
  }

  HostBreakers(int threshold, Duration openFor, CircuitListener listener, Clock clock) {
    this.config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(threshold)
            .minimumNumberOfCalls(threshold)
            .failureRateThreshold(100)
            .waitDurationInOpenState(openFor)
            .permittedNumberOfCallsInHalfOpenState(1)
            .build();
    this.openFor = openFor;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * How long calls to {@code host} stay refused: the rest of the breaker's open time (zero when it
   * is not open).
   */
  public Duration remainingOpen(String host) {
    String key = host.toLowerCase(Locale.ROOT);
    CircuitBreaker breaker = byHost.get(key);
    Instant opened = openedAt.get(key);
    if (breaker == null || opened == null || !isOpen(breaker)) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), opened.plus(openFor));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Breakers of the same settings kept apart from these (no metric): status lookups for people use
   * them, so failing lookups never pause the real work and vice versa.
   */
  public HostBreakers separate() {
    return new HostBreakers(config, openFor, null, clock);
  }

  private HostBreakers(
      CircuitBreakerConfig config, Duration openFor, CircuitListener listener, Clock clock) {
    this.config = config;
    this.openFor = openFor;
    this.listener = listener;
    this.clock = clock;
  }

  /** The breaker of a host, created on first use. */
  CircuitBreaker of(String host) {
    return byHost.computeIfAbsent(host.toLowerCase(Locale.ROOT), this::create);
  }

  /** Whether calls to {@code host} are currently refused. */
  public boolean open(String host) {
    CircuitBreaker breaker = byHost.get(host.toLowerCase(Locale.ROOT));
    return breaker != null && isOpen(breaker);
  }

  private CircuitBreaker create(String host) {
    CircuitBreaker breaker = new CircuitBreakerStateMachine(host, config, clock);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(host, clock.instant());
              }
            });
    if (listener != null) {
      listener.created(host, ignored -> isOpen(breaker) ? 1 : 0);
    }
    return breaker;
  }

  private static boolean isOpen(CircuitBreaker breaker) {
    return breaker.getState() == CircuitBreaker.State.OPEN
        || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
  }
}
