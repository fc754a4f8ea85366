package dev.pao.action.http;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.shared.tracing.HttpClientSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP for templated targets (REST actions, whose method, URL, headers and body come from the
 * catalog), under the same {@link OutboundPolicy} as the typed clients. Every answer (4xx/5xx
 * included) is returned for the executor to classify, its body read up to a size limit; a 5xx still
 * counts against the host's breaker.
 */
public class OutboundHttp {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final OutboundPolicy policy;
  private final long maxResponseBytes;
  private final HttpClientSpans spans;

  /**
   * @param maxResponseBytes the largest response body read ({@code pao.http.max-response-bytes}); a
   *     larger one fails the call without being read further
   */
  public OutboundHttp(OutboundPolicy policy, long maxResponseBytes) {
    this(policy, maxResponseBytes, HttpClientSpans.none());
  }

  /** Plain HTTP whose exchanges are traced by {@code spans}. */
  public OutboundHttp(OutboundPolicy policy, long maxResponseBytes, HttpClientSpans spans) {
    this.policy = policy;
    this.maxResponseBytes = maxResponseBytes;
    this.spans = spans;
  }

  /** Sends a request to a templated target: allowlist, breaker, budget and 429 waits apply. */
  public HttpAnswer sendTemplated(HttpRequest.Builder request, URI target, ActionCall call) {
    if (call.correlationId() != null) {
      request.setHeader(CorrelationHeader.NAME, call.correlationId());
    }
    return policy.callTemplated(
        target, call, attempt -> traced(request, attempt, call), answer -> answer.status() >= 500);
  }

  private HttpAnswer traced(
      HttpRequest.Builder request, OutboundPolicy.Attempt attempt, ActionCall call) {
    HttpRequest built = request.uri(attempt.destination()).timeout(attempt.timeout()).build();
    try (HttpClientSpans.Call span =
        spans.start(built, call.correlationId(), String.valueOf(call.requestId()))) {
      try {
        return exchange(span, attempt);
      } catch (RuntimeException e) {
        span.failed(e);
        throw e;
      }
    }
  }

  private HttpAnswer exchange(HttpClientSpans.Call span, OutboundPolicy.Attempt attempt) {
    try {
      HttpResponse<InputStream> response =
          client.send(span.request(), HttpResponse.BodyHandlers.ofInputStream());
      span.answered(response.statusCode());
      HttpAnswer answer =
          new HttpAnswer(
              response.statusCode(),
              response.headers().map(),
              body(response, attempt.destination().getHost()));
      if (answer.status() == 429) {
        throw new RateLimitedException(
            attempt.destination().getHost(), answer.header("Retry-After"));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientActionException(
          "Interrupted while calling " + attempt.destination().getHost(), e);
    }
  }

  /**
   * The body as text, read only up to the limit: a larger answer (declared or streamed) fails the
   * action. The call was carried out, so this is not transient; closing the stream early aborts the
   * connection instead of draining it.
   */
  private String body(HttpResponse<InputStream> response, String host) throws IOException {
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream in = response.body()) {
      if (declared > maxResponseBytes) {
        throw tooLarge(host, response.statusCode(), declared + " bytes");
      }
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
      if (bytes.length > maxResponseBytes) {
        throw tooLarge(host, response.statusCode(), "more than " + maxResponseBytes + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private ActionFailedException tooLarge(String host, int status, String size) {
    return new ActionFailedException(
        host
            + " answered HTTP "
            + status
            + " with a body of "
            + size
            + ", above the limit (pao.http.max-response-bytes); the rest was not read",
        Map.of("http_status", status, "max_response_bytes", maxResponseBytes));
  }
}
