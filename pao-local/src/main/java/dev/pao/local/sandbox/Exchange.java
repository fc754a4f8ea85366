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

  /**
   * A small HTML page for a browser: what a link in a request's outputs (ticket, run, commit, pull
   * request) points at, so a user can click through what their request created.
   */
  void page(int status, String title, Map<String, String> facts) {
    StringBuilder html =
        new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>")
            .append(escape(title))
            .append(" (PAO sandbox)</title></head><body><main><h1>")
            .append(escape(title))
            .append("</h1><dl>");
    facts.forEach(
        (name, value) ->
            html.append("<dt>")
                .append(escape(name))
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd>"));
    html.append("</dl><p>Served by the PAO sandbox, a local stand-in; nothing real was created.")
        .append("</p></main></body></html>");
    send(status, "text/html; charset=utf-8", html.toString());
  }

  void notFound() {
    json(404, Json.createObjectBuilder().add("message", "Not Found (sandbox)").build());
  }

  private void send(int status, String text) {
    send(status, "application/json", text);
  }

  private void send(int status, String contentType, String text) {
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      http.getResponseHeaders().set("Content-Type", contentType);
      http.sendResponseHeaders(status, bytes.length);
      http.getResponseBody().write(bytes);
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
