package dev.pao.action.http;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.CircuitOpenException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.shared.correlation.Correlation;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What every outbound call of an executor goes through, typed client or plain HTTP: the host
 * policy, the host's circuit breaker, the action's time budget, the correlation id of the call
 * (bound to the thread for {@link CorrelationHeader}), and {@code 429 Retry-After} waits that fit
 * in the budget. A {@code 429} is the only answer repeated: the call was not carried out. No
 * answer, a timeout or an open circuit is transient; a {@code 5xx} counts as a failure of the host.
 *
 * <p>MicroProfile Fault Tolerance annotations do not fit these calls: breaker state must be per
 * host (see {@link HostBreakers}), the timeout follows each action's own budget, and a call whose
 * outcome is unknown must never be retried (the message is redelivered and the executor's
 * idempotency check decides).
 */
public class OutboundPolicy {
  /** The longest a single call may take, whatever the remaining budget. */
  public static final Duration LONGEST_CALL = Duration.ofSeconds(30);

  private final HostPolicy hosts;
  private final HostBreakers breakers;
  private final HostBreakers statusBreakers;
  private final Clock clock;
  private final OutboundCallListener listener;

  public OutboundPolicy(HostPolicy hosts, HostBreakers breakers) {
    this(hosts, breakers, Clock.systemUTC(), OutboundCallListener.NONE);
  }

  /** A policy that tells {@code listener} how each call attempt ended. */
  public OutboundPolicy(HostPolicy hosts, HostBreakers breakers, OutboundCallListener listener) {
    this(hosts, breakers, Clock.systemUTC(), listener);
  }

  /** A policy with breakers opening after {@code threshold} failures for {@code openFor}. */
  public OutboundPolicy(HostPolicy hosts, int threshold, Duration openFor) {
    this(hosts, new HostBreakers(threshold, openFor, null));
  }

  OutboundPolicy(HostPolicy hosts, HostBreakers breakers, Clock clock) {
    this(hosts, breakers, clock, OutboundCallListener.NONE);
  }

  private OutboundPolicy(
      HostPolicy hosts, HostBreakers breakers, Clock clock, OutboundCallListener listener) {
    this.listener = listener;
    this.hosts = hosts;
    this.breakers = breakers;
    this.statusBreakers = breakers.separate();
    this.clock = clock;
  }

  public HostPolicy hosts() {
    return hosts;
  }

  /** Whether calls to {@code host} are currently refused. */
  public boolean circuitOpen(String host) {
    return breakers.open(host);
  }

  /**
   * Calls a configured instance (JIRA, GitHub, Terraform) whose typed client was built for {@link
   * HostPolicy#destination} of {@code baseUrl}; error answers arrive as the client's classified
   * exceptions.
   */
  public <T> T callConfigured(URI baseUrl, ActionCall call, Supplier<T> exchange) {
    hosts.checkConfigured(baseUrl);
    return run(
        breakers, baseUrl, host(hosts.destination(baseUrl)), call, exchange, answer -> false);
  }

  /**
   * A live-status lookup for a person looking at a request (not part of any action): like {@link
   * #callConfigured}, but through breakers of its own, so lookups failing while people poll do not
   * pause the actions' calls to the host, and an outage seen by actions does not hide the status.
   */
  public <T> T callForStatus(URI baseUrl, ActionCall call, Supplier<T> exchange) {
    hosts.checkConfigured(baseUrl);
    return run(
        statusBreakers, baseUrl, host(hosts.destination(baseUrl)), call, exchange, answer -> false);
  }

  /**
   * Calls a templated target (a REST action's URL): the allowlist applies. {@code exchange} gets
   * the real destination and the timeout of this attempt; {@code failedAnswer} tells which of its
   * answers count as failures of the host.
   */
  public <T> T callTemplated(
      URI target,
      ActionCall call,
      Function<Attempt, T> exchange,
      Predicate<? super T> failedAnswer) {
    hosts.checkTemplated(target);
    URI destination = hosts.destination(target);
    return run(
        breakers,
        null,
        host(destination),
        call,
        () -> exchange.apply(new Attempt(destination, timeout(call))),
        failedAnswer);
  }

  /** One attempt of a templated call: where it goes and how long it may take. */
  public record Attempt(URI destination, Duration timeout) {}

  @SuppressWarnings("try") // the scope only binds the correlation id for the calls inside it
  private <T> T run(
      HostBreakers breakers,
      URI configured,
      String host,
      ActionCall call,
      Supplier<T> exchange,
      Predicate<? super T> failedAnswer) {
    CircuitBreaker breaker = breakers.of(host);
    try (Correlation.Scope scope = bind(call)) {
      while (true) {
        if (!breaker.tryAcquirePermission()) {
          listener.finished(configured, host, OutboundOutcome.CIRCUIT_OPEN, 0);
          throw new CircuitOpenException(host, breakers.remainingOpen(host));
        }
        if (timeout(call).isZero()) {
          breaker.releasePermission();
          throw new TransientActionException("The action's time budget ran out before a response");
        }
        try {
          T answer = attempt(new Target(configured, host), breaker, exchange);
          if (failedAnswer.test(answer)) {
            breaker.onError(0, TimeUnit.NANOSECONDS, new ServerErrorException(host));
          } else {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
          }
          return answer;
        } catch (RateLimitedException limited) {
          if (clock.instant().plus(limited.retryAfter()).isAfter(call.deadline())) {
            throw new TransientActionException(
                host + " is rate limiting (429) longer than the action's time budget");
          }
          call.heartbeat().beat();
          pause(limited.retryAfter());
        }
      }
    }
  }

  /**
   * One call, its outcome recorded on the breaker: no answer and 5xx are failures, other answers
   * successes; an exception thrown before anything was sent (a missing secret) is neither.
   */
  private <T> T attempt(Target target, CircuitBreaker breaker, Supplier<T> exchange) {
    String host = target.host();
    long started = System.nanoTime();
    try {
      T answer = exchange.get();
      target.ended(listener, OutboundOutcome.ofAnswer(answer), started);
      return answer;
    } catch (RuntimeException e) {
      RuntimeException classified = classified(e);
      target.ended(
          listener,
          classified == null
              ? OutboundOutcome.ofNoAnswer(e)
              : OutboundOutcome.ofClassified(classified),
          started);
      if (classified == null) {
        breaker.onError(0, TimeUnit.NANOSECONDS, e);
        throw new TransientActionException(
            "No response from " + host + ": " + rootCause(e).getClass().getSimpleName(), e);
      }
      if (classified instanceof ServerErrorException) {
        breaker.onError(0, TimeUnit.NANOSECONDS, classified);
      } else if (classified instanceof RejectedAnswerException
          || classified instanceof RateLimitedException) {
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
      } else {
        breaker.releasePermission();
      }
      throw classified;
    }
  }

  /** Where an attempt went: the configured instance's base URL (null when templated) and host. */
  private record Target(URI configured, String host) {
    void ended(OutboundCallListener listener, OutboundOutcome outcome, long startedNanos) {
      listener.finished(configured, host, outcome, System.nanoTime() - startedNanos);
    }
  }

  /**
   * The failed/transient exception in {@code e}'s cause chain (client implementations may wrap what
   * a filter or exception mapper threw), or {@code null} when the call got no answer.
   */
  private static RuntimeException classified(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ActionFailedException || t instanceof TransientActionException) {
        return (RuntimeException) t;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** How long the next attempt may take: the rest of the budget, at most {@link #LONGEST_CALL}. */
  Duration timeout(ActionCall call) {
    Duration remaining = Duration.between(clock.instant(), call.deadline());
    if (remaining.isNegative() || remaining.isZero()) {
      return Duration.ZERO;
    }
    return remaining.compareTo(LONGEST_CALL) < 0 ? remaining : LONGEST_CALL;
  }

  private static Correlation.Scope bind(ActionCall call) {
    return call.correlationId() == null ? () -> {} : Correlation.open(call.correlationId());
  }

  private static String host(URI destination) {
    return destination.getHost().toLowerCase(Locale.ROOT);
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(Math.max(1, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientActionException("Interrupted while waiting for Retry-After");
    }
  }
}
