package dev.pao.action.github;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.OutboundHttp;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.shared.json.JsonCodec;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The GitHub REST API of one configured instance (github.com or a GitHub Enterprise base URL such
 * as {@code https://ghe.example.com/api/v3}) with a token from a secret, and its error classes: 5xx
 * and exhausted rate limits are transient; refused credentials, unknown repositories and rejected
 * input fail the action.
 */
final class GitHubApi {
  private final ServiceInstance instance;
  private final SecretStore secrets;
  private final OutboundHttp http;
  private final ActionCall call;
  private final GitHubAppTokens apps;

  GitHubApi(
      ServiceInstance instance,
      SecretStore secrets,
      OutboundHttp http,
      ActionCall call,
      GitHubAppTokens apps) {
    this.instance = instance;
    this.secrets = secrets;
    this.http = http;
    this.call = call;
    this.apps = apps;
  }

  static ServiceInstance instance(Map<String, ServiceInstance> instances, String name) {
    String wanted = name == null || name.isBlank() ? "default" : name;
    ServiceInstance instance = instances.get(wanted);
    if (instance == null) {
      throw new ActionFailedException(
          "No GitHub instance named '" + wanted + "' is configured (pao.github.instances)");
    }
    return instance;
  }

  String webUrl(String path) {
    String base = instance.baseUrl().toString();
    String web =
        base.contains("api.github.com")
            ? "https://github.com"
            : base.replaceFirst("/api/v3$", "").replaceFirst("//api\\.", "//");
    return web + path;
  }

  HttpAnswer get(String path) {
    return http.send(request().GET(), instance.resolve(path), call);
  }

  HttpAnswer send(String method, String path, Object body) {
    return http.send(
        request()
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JsonCodec.write(body))),
        instance.resolve(path),
        call);
  }

  /** The answer when it is successful (or {@code allowed}), otherwise the classified failure. */
  HttpAnswer expect(HttpAnswer answer, String operation, int... allowed) {
    if (answer.successful()) {
      return answer;
    }
    for (int status : allowed) {
      if (answer.status() == status) {
        return answer;
      }
    }
    throw classify(answer, operation);
  }

  private RuntimeException classify(HttpAnswer answer, String operation) {
    int status = answer.status();
    String message = String.valueOf(answer.object().getOrDefault("message", "HTTP " + status));
    if (status >= 500 || (status == 403 && "0".equals(answer.header("x-ratelimit-remaining")))) {
      return new TransientActionException(
          "GitHub instance '" + instance.name() + "' answered " + status + " to " + operation);
    }
    Map<String, Object> details = Map.of("http_status", status, "github", answer.json());
    if (status == 401 || status == 403) {
      return new ActionFailedException(
          "GitHub instance '"
              + instance.name()
              + "' refused the configured token (HTTP "
              + status
              + ") for "
              + operation
              + ": "
              + message,
          details);
    }
    return new ActionFailedException(
        "GitHub rejected " + operation + " (HTTP " + status + "): " + message, details);
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder()
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("Authorization", "Bearer " + token());
  }

  /** An installation token when the instance is a GitHub App, otherwise the configured token. */
  private String token() {
    return apps != null && apps.configured(instance)
        ? apps.token(instance, secrets, http, call)
        : secrets.reveal(instance.tokenSecret());
  }
}
