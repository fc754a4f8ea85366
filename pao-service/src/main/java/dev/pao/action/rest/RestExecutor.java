package dev.pao.action.rest;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.OutboundHttp;
import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.shared.json.JsonCodec;
import dev.pao.shared.tracing.HttpClientSpans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls an HTTP endpoint: method, URL, headers and body from the rendered action (a map or list
 * body is sent as JSON), authentication from a named secret, and success codes (default 200-299).
 * The target host must be in the outbound allowlist. The attempt's idempotency key is sent as
 * {@code Idempotency-Key} so targets that honour it never act twice on a redelivery. A response
 * outside the success codes fails the action (the call was made); no response is transient.
 */
@ApplicationScoped
public class RestExecutor implements ActionExecutor {
  public static final String TYPE = "rest";
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

  private final SecretStore secrets;
  private final OutboundHttp http;

  /** For CDI's client proxy only. */
  protected RestExecutor() {
    this.secrets = null;
    this.http = null;
  }

  /** Default response limit: 1 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  public RestExecutor(SecretStore secrets, OutboundPolicy policy) {
    this(secrets, policy, DEFAULT_MAX_RESPONSE_BYTES);
  }

  public RestExecutor(SecretStore secrets, OutboundPolicy policy, long maxResponseBytes) {
    this(secrets, policy, maxResponseBytes, HttpClientSpans.none());
  }

  @Inject
  public RestExecutor(
      SecretStore secrets,
      OutboundPolicy policy,
      @ConfigProperty(name = "pao.http.max-response-bytes", defaultValue = "1048576")
          long maxResponseBytes,
      HttpClientSpans spans) {
    this.secrets = secrets;
    this.http = new OutboundHttp(policy, maxResponseBytes, spans);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ActionResult execute(ActionCall call) {
    Object body = call.spec().get("body");
    String method =
        call.text("method") == null
            ? (body == null ? "GET" : "POST")
            : call.text("method").trim().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new ActionFailedException("Unsupported HTTP method '" + method + "'");
    }
    URI url = url(call.required("url"));
    HttpRequest.Builder request = HttpRequest.newBuilder().header("Accept", "application/json");
    request.header("Idempotency-Key", call.idempotencyKey());
    if (call.spec().get("headers") instanceof Map<?, ?> headers) {
      headers.forEach((name, value) -> request.header(String.valueOf(name), String.valueOf(value)));
    }
    RestAuth.apply(call.spec().get("auth"), secrets, url.getHost(), request);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else if (body instanceof String text) {
      request.method(method, HttpRequest.BodyPublishers.ofString(text));
    } else {
      request.setHeader("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(JsonCodec.write(body)));
    }
    HttpAnswer answer = http.sendTemplated(request, url, call);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("status", answer.status());
    Map<String, Object> headers = new LinkedHashMap<>();
    answer.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
    document.put("headers", headers);
    document.put("body", answer.json());
    if (!SuccessCodes.parse(call.spec().get("successCodes")).contains(answer.status())) {
      throw new ActionFailedException(
          method + " " + url + " answered HTTP " + answer.status(),
          Map.of("http_status", answer.status(), "body", excerpt(answer.body())));
    }
    return ActionResult.of(document);
  }

  private static URI url(String text) {
    try {
      return URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      throw new ActionFailedException("The url '" + text + "' is not a valid URL");
    }
  }

  private static String excerpt(String body) {
    return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
  }
}
