package dev.pao.action.terraform;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.OutboundHttp;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.shared.json.JsonCodec;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * The Terraform Cloud / Enterprise API v2 (JSON:API) of one configured instance, with its error
 * classes: 5xx and 429 are transient; refused tokens and rejected input fail the action.
 */
final class TerraformApi {
  private static final String JSON_API = "application/vnd.api+json";

  private final ServiceInstance instance;
  private final SecretStore secrets;
  private final OutboundHttp http;
  private final ActionCall call;

  TerraformApi(ServiceInstance instance, SecretStore secrets, OutboundHttp http, ActionCall call) {
    this.instance = instance;
    this.secrets = secrets;
    this.http = http;
    this.call = call;
  }

  String webUrl(String path) {
    return instance.baseUrl() + path;
  }

  Map<String, Object> get(String path, String operation) {
    return expect(http.send(request().GET(), instance.resolve("/api/v2" + path), call), operation);
  }

  Map<String, Object> send(String method, String path, Object body, String operation) {
    return expect(
        http.send(
            request()
                .header("Content-Type", JSON_API)
                .method(method, HttpRequest.BodyPublishers.ofString(JsonCodec.write(body))),
            instance.resolve("/api/v2" + path),
            call),
        operation);
  }

  private Map<String, Object> expect(HttpAnswer answer, String operation) {
    if (answer.successful()) {
      return answer.object();
    }
    int status = answer.status();
    if (status >= 500 || status == 429) {
      throw new TransientActionException(
          "Terraform instance '" + instance.name() + "' answered " + status + " to " + operation);
    }
    Map<String, Object> details = Map.of("http_status", status, "terraform", answer.json());
    if (status == 401 || status == 403) {
      throw new ActionFailedException(
          "Terraform instance '"
              + instance.name()
              + "' refused the configured token (HTTP "
              + status
              + ") for "
              + operation,
          details);
    }
    throw new ActionFailedException(
        "Terraform rejected " + operation + " (HTTP " + status + "): " + errors(answer), details);
  }

  private static String errors(HttpAnswer answer) {
    if (answer.object().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (Object error : errors) {
        if (error instanceof Map<?, ?> e) {
          text.append(text.length() == 0 ? "" : "; ")
              .append(e.get("title"))
              .append(e.get("detail") == null ? "" : ": " + e.get("detail"));
        }
      }
      return text.toString();
    }
    return "HTTP " + answer.status();
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder()
        .header("Accept", JSON_API)
        .header("Authorization", "Bearer " + secrets.reveal(instance.tokenSecret()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(Map<String, Object> document) {
    return document.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> attributes(Map<?, ?> resource) {
    return resource.get("attributes") instanceof Map<?, ?> attributes
        ? (Map<String, Object>) attributes
        : Map.of();
  }
}
