package dev.pao.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A small HTTP client for the API under test; answers are parsed as JSON when they are JSON. */
public final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  public Api(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** An answer: status, headers, raw body and (for JSON) the parsed object. */
  public record Answer(int status, HttpHeaders headers, String raw) {
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(raw))) {
        return reader.readObject();
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String errorCode() {
      return json().getJsonObject("error").getString("code");
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer get(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token).GET());
  }

  public Answer postJson(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A development token for the given identity. */
  public String token(String email, List<String> teams, List<String> roles) {
    JsonArrayBuilder teamArray = Json.createArrayBuilder();
    teams.forEach(teamArray::add);
    JsonArrayBuilder roleArray = Json.createArrayBuilder();
    roles.forEach(roleArray::add);
    String body =
        Json.createObjectBuilder()
            .add("email", email)
            .add("name", email.substring(0, email.indexOf('@')))
            .add("teams", teamArray)
            .add("roles", roleArray)
            .build()
            .toString();
    Answer answer = postJson("/api/v1/dev/token", body);
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "token request answered " + answer.status() + ": " + answer.raw());
    }
    return answer.json().getJsonObject("data").getString("token");
  }
}
