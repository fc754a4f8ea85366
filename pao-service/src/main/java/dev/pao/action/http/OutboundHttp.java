package dev.pao.action.http;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.TransientActionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Every outbound call of an executor: correlation id header, a per-call timeout within the action's
 * budget, the host policy, a circuit breaker per host, and {@code 429 Retry-After} waits that fit
 * in the budget. Connection problems, timeouts and an open circuit are transient; every answer
 * (including 4xx/5xx) is returned for the executor to classify.
 */
public class OutboundHttp {
  private static final Duration LONGEST_CALL = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final HostPolicy policy;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final int breakerThreshold;
  private final Duration breakerOpenFor;
  private final Clock clock;
  private final CircuitListener listener;

  /** Told when a host's circuit breaker is first created, so it can be exposed as a metric. */
  @FunctionalInterface
  public interface CircuitListener {
    void created(String host, ToLongFunction<String> openState);
  }

  public OutboundHttp(
      HostPolicy policy, int breakerThreshold, Duration breakerOpenFor, CircuitListener listener) {
    this(policy, breakerThreshold, breakerOpenFor, listener, Clock.systemUTC());
  }

  OutboundHttp(
      HostPolicy policy,
      int breakerThreshold,
      Duration breakerOpenFor,
      CircuitListener listener,
      Clock clock) {
    this.policy = policy;
    this.breakerThreshold = breakerThreshold;
    this.breakerOpenFor = breakerOpenFor;
    this.listener = listener;
    this.clock = clock;
  }

  public HostPolicy policy() {
    return policy;
  }

  /** Sends a request to a configured target (a JIRA, GitHub or Terraform instance). */
  public HttpAnswer send(HttpRequest.Builder request, URI target, ActionCall call) {
    policy.checkConfigured(target);
    URI destination = policy.destination(target);
    return exchange(request.uri(destination), destination, call);
  }

  /** Sends a request to a templated target (a REST action's URL): allowlist applies. */
  public HttpAnswer sendTemplated(HttpRequest.Builder request, URI target, ActionCall call) {
    policy.checkTemplated(target);
    URI destination = policy.destination(target);
    return exchange(request.uri(destination), destination, call);
  }

  private HttpAnswer exchange(HttpRequest.Builder request, URI target, ActionCall call) {
    String host = target.getHost().toLowerCase(Locale.ROOT);
    CircuitBreaker breaker = breakers.computeIfAbsent(host, this::newBreaker);
    if (call.correlationId() != null) {
      request.setHeader("X-Correlation-ID", call.correlationId());
    }
    while (true) {
      if (!breaker.allowsCall()) {
        throw new TransientActionException(
            "Calls to " + host + " are paused after repeated failures (circuit open)");
      }
      Duration remaining = Duration.between(clock.instant(), call.deadline());
      if (remaining.isNegative() || remaining.isZero()) {
        throw new TransientActionException("The action's time budget ran out before a response");
      }
      HttpAnswer answer = attempt(request, host, breaker, min(remaining, LONGEST_CALL));
      if (answer.status() != 429) {
        return answer;
      }
      Duration wait = retryAfter(answer);
      if (clock.instant().plus(wait).isAfter(call.deadline())) {
        throw new TransientActionException(
            host + " is rate limiting (429) longer than the action's time budget");
      }
      call.heartbeat().beat();
      pause(wait);
    }
  }

  private HttpAnswer attempt(
      HttpRequest.Builder request, String host, CircuitBreaker breaker, Duration timeout) {
    try {
      HttpResponse<String> response =
          client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) {
        breaker.failed();
      } else {
        breaker.succeeded();
      }
      return new HttpAnswer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      breaker.failed();
      throw new TransientActionException(
          "No response from " + host + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientActionException("Interrupted while calling " + host, e);
    }
  }

  private CircuitBreaker newBreaker(String host) {
    CircuitBreaker breaker = new CircuitBreaker(breakerThreshold, breakerOpenFor, clock);
    if (listener != null) {
      listener.created(host, ignored -> breaker.open() ? 1 : 0);
    }
    return breaker;
  }

  /** Whether calls to {@code host} are currently refused. */
  public boolean circuitOpen(String host) {
    CircuitBreaker breaker = breakers.get(host.toLowerCase(Locale.ROOT));
    return breaker != null && breaker.open();
  }

  private static Duration retryAfter(HttpAnswer answer) {
    String header = answer.header("Retry-After");
    if (header != null && header.trim().matches("\\d{1,6}")) {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    }
    return Duration.ofSeconds(1);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
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
