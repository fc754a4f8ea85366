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

  public OutboundPolicy(HostPolicy hosts, HostBreakers breakers) {
    this(hosts, breakers, Clock.systemUTC());
  }

  /** A policy with breakers opening after {@code threshold} failures for {@code openFor}. */
  public OutboundPolicy(HostPolicy hosts, int threshold, Duration openFor) {
    this(hosts, new HostBreakers(threshold, openFor, null));
  }

  OutboundPolicy(HostPolicy hosts, HostBreakers breakers, Clock clock) {
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
    return run(breakers, host(hosts.destination(baseUrl)), call, exchange, answer -> false);
  }

  /**
   * A live-status lookup for a person looking at a request (not part of any action): like {@link
   * #callConfigured}, but through breakers of its own, so lookups failing while people poll do not
   * pause the actions' calls to the host, and an outage seen by actions does not hide the status.
   */
  public <T> T callForStatus(URI baseUrl, ActionCall call, Supplier<T> exchange) {
    hosts.checkConfigured(baseUrl);
    return run(statusBreakers, host(hosts.destination(baseUrl)), call, exchange, answer -> false);
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
      String host,
      ActionCall call,
      Supplier<T> exchange,
      Predicate<? super T> failedAnswer) {
    CircuitBreaker breaker = breakers.of(host);
    try (Correlation.Scope scope = bind(call)) {
      while (true) {
        if (!breaker.tryAcquirePermission()) {
          throw new CircuitOpenException(host, breakers.remainingOpen(host));
        }
        if (timeout(call).isZero()) {
          breaker.releasePermission();
          throw new TransientActionException("The action's time budget ran out before a response");
        }
        try {
          T answer = attempt(host, breaker, exchange);
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
  private static <T> T attempt(String host, CircuitBreaker breaker, Supplier<T> exchange) {
    try {
      return exchange.get();
    } catch (RuntimeException e) {
      RuntimeException classified = classified(e);
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
