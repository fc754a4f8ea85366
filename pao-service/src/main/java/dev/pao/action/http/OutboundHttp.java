package dev.pao.action.http;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.TransientActionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP for templated targets (REST actions, whose method, URL, headers and body come from the
 * catalog), under the same {@link OutboundPolicy} as the typed clients. Every answer (4xx/5xx
 * included) is returned for the executor to classify; a 5xx still counts against the host's
 * breaker.
 */
public class OutboundHttp {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final OutboundPolicy policy;

  public OutboundHttp(OutboundPolicy policy) {
    this.policy = policy;
  }

  /** Sends a request to a templated target: allowlist, breaker, budget and 429 waits apply. */
  public HttpAnswer sendTemplated(HttpRequest.Builder request, URI target, ActionCall call) {
    if (call.correlationId() != null) {
      request.setHeader(CorrelationHeader.NAME, call.correlationId());
    }
    return policy.callTemplated(
        target, call, attempt -> exchange(request, attempt), answer -> answer.status() >= 500);
  }

  private HttpAnswer exchange(HttpRequest.Builder request, OutboundPolicy.Attempt attempt) {
    try {
      HttpResponse<String> response =
          client.send(
              request.uri(attempt.destination()).timeout(attempt.timeout()).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpAnswer answer =
          new HttpAnswer(response.statusCode(), response.headers().map(), response.body());
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
}
