package dev.pao.local.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Terraform Cloud API v2: workspaces appear on first use, variables are kept, runs go
 * pending, planning, applying, applied as they are looked at, and the workspace outputs echo the
 * variables plus an endpoint. Kept in memory.
 */
final class TerraformSandbox {
  private static final String[] STAGES = {"pending", "planning", "applying", "applied"};

  private record Run(String id, String workspace, String message, AtomicInteger looks) {}

  private final Map<String, String> workspaces = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> variables = new ConcurrentHashMap<>();
  private final List<Run> runs = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  void handle(Exchange exchange) {
    String[] p = exchange.parts(); // api, v2, ... | app, {org}, workspaces, {ws}, runs, {id}
    if (p.length == 6 && "app".equals(p[0]) && "runs".equals(p[4])) {
      runPage(exchange, p[1] + "/" + p[3], p[5]);
      return;
    }
    if (p.length < 3 || !"api".equals(p[0])) {
      exchange.notFound();
      return;
    }
    String method = exchange.method();
    if (p[2].equals("organizations") && p.length == 6) {
      String id = workspaces.computeIfAbsent(p[3] + "/" + p[5], k -> "ws-" + ids.incrementAndGet());
      variables.putIfAbsent(id, new ConcurrentHashMap<>());
      exchange.json(200, data(Json.createObjectBuilder().add("id", id).add("type", "workspaces")));
    } else if (p[2].equals("workspaces") && p.length >= 5 && p[4].equals("vars")) {
      vars(exchange, p[3], method);
    } else if (p[2].equals("workspaces") && p.length == 5 && p[4].equals("runs")) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      runs.stream()
          .filter(run -> run.workspace().equals(p[3]))
          .forEach(run -> list.add(describe(run)));
      exchange.json(200, Json.createObjectBuilder().add("data", list).build());
    } else if (p[2].equals("workspaces")
        && p.length == 5
        && p[4].equals("current-state-version-outputs")) {
      outputs(exchange, p[3]);
    } else if (p[2].equals("runs") && p.length == 3 && method.equals("POST")) {
      JsonObject body = exchange.body().getJsonObject("data");
      String workspace =
          body.getJsonObject("relationships")
              .getJsonObject("workspace")
              .getJsonObject("data")
              .getString("id");
      Run run =
          new Run(
              "run-" + ids.incrementAndGet(),
              workspace,
              body.getJsonObject("attributes").getString("message", ""),
              new AtomicInteger());
      runs.add(run);
      exchange.json(201, data(describe(run)));
    } else if (p[2].equals("runs") && p.length == 4) {
      Run run = runs.stream().filter(r -> r.id().equals(p[3])).findFirst().orElse(null);
      if (run == null) {
        exchange.notFound();
      } else {
        run.looks().incrementAndGet();
        exchange.json(200, data(describe(run)));
      }
    } else {
      exchange.notFound();
    }
  }

  private void runPage(Exchange exchange, String workspace, String id) {
    Run run = runs.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    if (run == null) {
      exchange.page(404, "Run " + id + " does not exist", Map.of());
      return;
    }
    exchange.page(
        200,
        "Run " + id,
        Map.of(
            "Workspace",
            workspace,
            "Status",
            STAGES[Math.min(run.looks().get(), STAGES.length - 1)],
            "Message",
            run.message()));
  }

  private void vars(Exchange exchange, String workspace, String method) {
    Map<String, String> vars = variables.computeIfAbsent(workspace, k -> new ConcurrentHashMap<>());
    if (method.equals("GET")) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      vars.forEach(
          (key, value) ->
              list.add(
                  Json.createObjectBuilder()
                      .add("id", "var-" + key)
                      .add("type", "vars")
                      .add(
                          "attributes",
                          Json.createObjectBuilder().add("key", key).add("value", value))));
      exchange.json(200, Json.createObjectBuilder().add("data", list).build());
      return;
    }
    JsonObject attributes = exchange.body().getJsonObject("data").getJsonObject("attributes");
    vars.put(attributes.getString("key"), attributes.getString("value", ""));
    exchange.json(
        method.equals("POST") ? 201 : 200,
        Json.createObjectBuilder().add("data", attributes).build());
  }

  private void outputs(Exchange exchange, String workspace) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    String name =
        workspaces.entrySet().stream()
            .filter(e -> e.getValue().equals(workspace))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(workspace);
    list.add(output("endpoint", name.replace('/', '-') + ".sandbox.internal"));
    variables
        .getOrDefault(workspace, Map.of())
        .forEach((key, value) -> list.add(output(key, value)));
    exchange.json(200, Json.createObjectBuilder().add("data", list).build());
  }

  private static JsonObjectBuilder output(String name, String value) {
    return Json.createObjectBuilder()
        .add("type", "state-version-outputs")
        .add(
            "attributes",
            Json.createObjectBuilder()
                .add("name", name)
                .add("value", value)
                .add("sensitive", false));
  }

  private static JsonObjectBuilder describe(Run run) {
    String status = STAGES[Math.min(run.looks().get(), STAGES.length - 1)];
    return Json.createObjectBuilder()
        .add("id", run.id())
        .add("type", "runs")
        .add(
            "attributes",
            Json.createObjectBuilder().add("status", status).add("message", run.message()));
  }

  private static JsonObject data(JsonObjectBuilder resource) {
    return Json.createObjectBuilder().add("data", resource).build();
  }
}
