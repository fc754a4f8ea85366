package dev.pao.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request to the sandbox: path below the service prefix, query, JSON body, JSON answers. */
final class Exchange {
  private final HttpExchange http;
  private final String path;
  private final Map<String, String> query = new LinkedHashMap<>();

  Exchange(HttpExchange http, String prefix) {
    this.http = http;
    this.path = http.getRequestURI().getRawPath().substring(prefix.length());
    String raw = http.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        query.put(decode(name), decode(value));
      }
    }
  }

  String method() {
    return http.getRequestMethod();
  }

  String path() {
    return path;
  }

  /** The path split on '/', without the leading empty part. */
  String[] parts() {
    return path.replaceFirst("^/", "").split("/");
  }

  String query(String name) {
    return query.get(name);
  }

  JsonObject body() {
    try {
      String text = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (text.isBlank()) {
        return JsonValue.EMPTY_JSON_OBJECT;
      }
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        JsonValue value = reader.readValue();
        return value instanceof JsonObject object
            ? object
            : Json.createObjectBuilder().add("value", value).build();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  void json(int status, JsonStructure body) {
    send(status, body.toString());
  }

  void empty(int status) {
    try {
      http.sendResponseHeaders(status, -1);
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void header(String name, String value) {
    http.getResponseHeaders().add(name, value);
  }

  void notFound() {
    json(404, Json.createObjectBuilder().add("message", "Not Found (sandbox)").build());
  }

  private void send(int status, String text) {
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      http.getResponseHeaders().set("Content-Type", "application/json");
      http.sendResponseHeaders(status, bytes.length);
      http.getResponseBody().write(bytes);
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
