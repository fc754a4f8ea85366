package dev.pao.devctl.http;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ContextSettings;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the API of one server. Every call carries the token (when there is one) and this run's
 * correlation id; a success answers the envelope's {@code data} (and {@code meta}); an error answer
 * becomes an {@link ApiFailure}; a server that cannot be reached, an exit code 5 failure.
 */
public final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;
  private final String correlationId = UUID.randomUUID().toString();
  private final RequestSigner signer;

  public ApiClient(ContextSettings settings) {
    this(settings, null);
  }

  /** A client whose calls are signed as a service account (no bearer token) when signer is set. */
  public ApiClient(ContextSettings settings, RequestSigner signer) {
    this.baseUrl = settings.url().replaceAll("/+$", "");
    this.token = settings.token();
    this.signer = signer;
  }

  /** A success answer: the envelope's {@code data} and {@code meta}. */
  public record Answer(JsonValue data, JsonObject meta) {
    public JsonObject object() {
      return data.asJsonObject();
    }

    public String nextCursor() {
      return Jsons.text(meta, "next_cursor", null);
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Answer get(String path, Map<String, String> query) {
    return send(signed(builder(path, query).GET(), "GET", null), true);
  }

  public Answer get(String path) {
    return get(path, Map.of());
  }

  /** POSTs {@code body} (JSON) with the given extra headers. */
  public Answer post(String path, JsonValue body, Map<String, String> headers) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        builder(path, Map.of())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(request::header);
    return send(signed(request, "POST", bytes), true);
  }

  /** POSTs without a token (development token minting). */
  public Answer postAnonymous(String path, JsonValue body) {
    return send(
        builder(path, Map.of())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        false);
  }

  /** Every page of a list, following {@code meta.next_cursor}. */
  public List<JsonObject> all(String path, Map<String, String> query) {
    List<JsonObject> rows = new ArrayList<>();
    Map<String, String> page = new LinkedHashMap<>(query);
    while (true) {
      Answer answer = get(path, page);
      answer.data().asJsonArray().forEach(row -> rows.add(row.asJsonObject()));
      String cursor = answer.nextCursor();
      if (cursor == null) {
        return rows;
      }
      page.put("cursor", cursor);
    }
  }

  private HttpRequest.Builder builder(String path, Map<String, String> query) {
    StringBuilder uri = new StringBuilder(baseUrl).append(path);
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      if (parameter.getValue() == null) {
        continue;
      }
      uri.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return HttpRequest.newBuilder(URI.create(uri.toString()))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .header("X-Correlation-ID", correlationId);
  }

  /** The request, signed when this client signs (its URI is the one the builder was made with). */
  private HttpRequest.Builder signed(HttpRequest.Builder request, String method, byte[] body) {
    if (signer != null) {
      signer.sign(request, method, request.copy().build().uri(), body);
    }
    return request;
  }

  private Answer send(HttpRequest.Builder request, boolean authenticated) {
    if (authenticated && token != null && signer == null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DevctlException(
          ExitCodes.UNAVAILABLE,
          "Cannot reach " + baseUrl + ": " + (e.getMessage() == null ? e : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevctlException(ExitCodes.UNAVAILABLE, "Interrupted while calling " + baseUrl);
    }
    JsonObject body = parseObject(response.body());
    if (response.statusCode() / 100 == 2) {
      return new Answer(body.getOrDefault("data", JsonValue.NULL), Jsons.object(body, "meta"));
    }
    throw failure(response, body);
  }

  private ApiFailure failure(HttpResponse<String> response, JsonObject body) {
    JsonObject error = Jsons.object(body, "error");
    String correlation =
        Jsons.text(
            error,
            "correlation_id",
            response.headers().firstValue("X-Correlation-ID").orElse(correlationId));
    List<String> details = new ArrayList<>();
    for (JsonValue detail : Jsons.array(error, "details")) {
      if (detail instanceof JsonObject object) {
        details.add(Jsons.text(object, "field", "") + ": " + Jsons.text(object, "issue", ""));
      }
    }
    if (response.statusCode() == 401 && token == null) {
      details.add(0, "no token configured: run devctl login, or set PAO_TOKEN");
    }
    return new ApiFailure(
        response.statusCode(),
        Jsons.text(error, "code", "HTTP_" + response.statusCode()),
        Jsons.text(error, "message", "HTTP " + response.statusCode() + " from " + baseUrl),
        details,
        correlation);
  }

  private static JsonObject parseObject(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try {
      return Jsons.parse(text) instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    } catch (RuntimeException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }
}
