package dev.pao.action.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import java.time.Clock;
import java.time.Duration;
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
  private final Clock clock;
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
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Breakers of the same settings kept apart from these (no metric): status lookups for people use
   * them, so failing lookups never pause the real work and vice versa.
   */
  public HostBreakers separate() {
    return new HostBreakers(config, null, clock);
  }

  private HostBreakers(CircuitBreakerConfig config, CircuitListener listener, Clock clock) {
    this.config = config;
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
