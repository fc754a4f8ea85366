package dev.pao.local.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in JIRA (REST API v2 and v3): creates issues with keys per project, finds them by label,
 * links them, and answers their status. Everything is kept in memory.
 */
final class JiraSandbox {
  private static final Pattern LABEL = Pattern.compile("labels\\s*=\\s*\"([^\"]+)\"");

  private record Issue(
      String id, String key, JsonObject fields, List<String> labels, List<String> blockedBy) {}

  private final Map<String, Issue> issues = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(10000);

  void handle(Exchange exchange) {
    String[] parts = exchange.parts(); // rest, api, {v}, resource, ... | browse, {key}
    if (parts.length == 2 && "browse".equals(parts[0]) && exchange.method().equals("GET")) {
      browse(exchange, parts[1]);
      return;
    }
    if (parts.length < 4 || !"rest".equals(parts[0]) || !"api".equals(parts[1])) {
      exchange.notFound();
      return;
    }
    String resource = parts[3];
    String method = exchange.method();
    if (resource.equals("search") && method.equals("GET")) {
      search(exchange);
    } else if (resource.equals("issue") && parts.length == 4 && method.equals("POST")) {
      create(exchange);
    } else if (resource.equals("issue") && parts.length == 5 && method.equals("GET")) {
      read(exchange, parts[4]);
    } else if (resource.equals("issueLink") && method.equals("POST")) {
      link(exchange);
    } else {
      exchange.notFound();
    }
  }

  private void search(Exchange exchange) {
    Matcher label = LABEL.matcher(String.valueOf(exchange.query("jql")));
    JsonArrayBuilder found = Json.createArrayBuilder();
    if (label.find()) {
      issues.values().stream()
          .filter(issue -> issue.labels().contains(label.group(1)))
          .forEach(
              issue ->
                  found.add(
                      Json.createObjectBuilder().add("id", issue.id()).add("key", issue.key())));
    }
    exchange.json(200, Json.createObjectBuilder().add("issues", found).build());
  }

  private void create(Exchange exchange) {
    JsonObject fields = exchange.body().getJsonObject("fields");
    if (fields == null
        || !fields.containsKey("summary")
        || !(fields.get("project") instanceof JsonObject project)
        || !project.containsKey("key")) {
      exchange.json(
          400,
          Json.createObjectBuilder()
              .add("errorMessages", Json.createArrayBuilder())
              .add(
                  "errors",
                  Json.createObjectBuilder().add("summary", "Summary and project are required."))
              .build());
      return;
    }
    String projectKey = project.getString("key");
    String key =
        projectKey
            + "-"
            + counters.computeIfAbsent(projectKey, p -> new AtomicInteger()).incrementAndGet();
    List<String> labels = new ArrayList<>();
    if (fields.get("labels") instanceof jakarta.json.JsonArray array) {
      array.getValuesAs(JsonString.class).forEach(s -> labels.add(s.getString()));
    }
    Issue issue =
        new Issue(String.valueOf(ids.incrementAndGet()), key, fields, labels, new ArrayList<>());
    issues.put(key, issue);
    exchange.json(
        201,
        Json.createObjectBuilder()
            .add("id", issue.id())
            .add("key", key)
            .add("self", "sandbox/rest/api/2/issue/" + issue.id())
            .build());
  }

  private void read(Exchange exchange, String key) {
    Issue issue = issues.get(key);
    if (issue == null) {
      exchange.json(
          404,
          Json.createObjectBuilder()
              .add("errorMessages", Json.createArrayBuilder().add("Issue does not exist"))
              .build());
      return;
    }
    JsonArrayBuilder links = Json.createArrayBuilder();
    for (String blocker : issue.blockedBy()) {
      links.add(
          Json.createObjectBuilder()
              .add(
                  "type",
                  Json.createObjectBuilder().add("name", "Blocks").add("inward", "is blocked by"))
              .add("inwardIssue", Json.createObjectBuilder().add("key", blocker)));
    }
    JsonObject status =
        Json.createObjectBuilder()
            .add("name", "To Do")
            .add(
                "statusCategory", Json.createObjectBuilder().add("key", "new").add("name", "To Do"))
            .build();
    exchange.json(
        200,
        Json.createObjectBuilder()
            .add("id", issue.id())
            .add("key", key)
            .add(
                "fields",
                Json.createObjectBuilder()
                    .add("summary", issue.fields().getOrDefault("summary", JsonValue.NULL))
                    .add("status", status)
                    .add("issuelinks", links))
            .build());
  }

  private void browse(Exchange exchange, String key) {
    Issue issue = issues.get(key);
    if (issue == null) {
      exchange.page(404, key + " does not exist", Map.of());
      return;
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Summary", text(issue.fields().get("summary")));
    facts.put("Status", "To Do");
    facts.put("Description", text(issue.fields().get("description")));
    facts.put("Labels", String.join(", ", issue.labels()));
    facts.put("Is blocked by", String.join(", ", issue.blockedBy()));
    exchange.page(200, key, facts);
  }

  /** A field as text: strings as they are, anything else (v3's ADF documents) as JSON. */
  private static String text(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return "";
    }
    return value instanceof JsonString string ? string.getString() : value.toString();
  }

  private void link(Exchange exchange) {
    JsonObject body = exchange.body();
    String blocker = body.getJsonObject("outwardIssue").getString("key");
    String blocked = body.getJsonObject("inwardIssue").getString("key");
    Issue issue = issues.get(blocked);
    if (issue == null || !issues.containsKey(blocker)) {
      exchange.json(
          404,
          Json.createObjectBuilder()
              .add("errorMessages", Json.createArrayBuilder().add("Issue does not exist"))
              .build());
      return;
    }
    if (!issue.blockedBy().contains(blocker)) {
      issue.blockedBy().add(blocker);
    }
    exchange.empty(201);
  }
}
