package dev.pao.local.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in GitHub REST API: file contents and commits, branches, pull requests, and workflow
 * dispatches whose runs conclude {@code success} after a few looks. Kept in memory.
 */
final class GitHubSandbox {

  private record File(String content, String sha) {}

  private static final class Run {
    final long id;
    final String repo;
    final String workflow;
    final String title;
    final Instant created = Instant.now();
    int looks;

    Run(long id, String repo, String workflow, String title) {
      this.id = id;
      this.repo = repo;
      this.workflow = workflow;
      this.title = title;
    }
  }

  private final Map<String, File> files = new ConcurrentHashMap<>();
  private final Map<String, String> branches = new ConcurrentHashMap<>();
  private final Map<String, String> pulls = new ConcurrentHashMap<>();
  private final Set<String> commits = ConcurrentHashMap.newKeySet();
  private final List<Run> runs = new CopyOnWriteArrayList<>();
  private final AtomicInteger numbers = new AtomicInteger();
  private final String web;

  /** {@code baseUrl}: where this stand-in is served; its web pages live below it, as on GHE. */
  GitHubSandbox(String baseUrl) {
    this.web = baseUrl + "/";
  }

  void handle(Exchange exchange) {
    String[] p = exchange.parts(); // repos, owner, name, ... | owner, name, commit|pull|actions
    if (p.length >= 4 && !"repos".equals(p[0]) && exchange.method().equals("GET")) {
      webPage(exchange, p);
      return;
    }
    if (p.length < 4 || !"repos".equals(p[0])) {
      exchange.notFound();
      return;
    }
    String repo = p[1] + "/" + p[2];
    String area = p[3];
    String method = exchange.method();
    String rest = String.join("/", java.util.Arrays.copyOfRange(p, 4, p.length));
    switch (area) {
      case "contents" -> contents(exchange, repo, rest, method);
      case "git" -> refs(exchange, repo, rest, method);
      case "pulls" -> pulls(exchange, repo, method);
      case "actions" -> actions(exchange, repo, p, method);
      default -> exchange.notFound();
    }
  }

  private void contents(Exchange exchange, String repo, String path, String method) {
    if (method.equals("GET")) {
      File file = files.get(repo + "@" + exchange.query("ref") + ":" + path);
      if (file == null) {
        exchange.notFound();
      } else {
        exchange.json(
            200,
            Json.createObjectBuilder()
                .add("sha", file.sha())
                .add("content", file.content())
                .build());
      }
      return;
    }
    JsonObject body = exchange.body();
    String branch = body.getString("branch", "main");
    String sha = sha();
    files.put(repo + "@" + branch + ":" + path, new File(body.getString("content", ""), sha));
    String commit = sha();
    commits.add(repo + "@" + commit);
    branches.put(repo + "@" + branch, commit);
    exchange.json(
        200,
        Json.createObjectBuilder()
            .add("content", Json.createObjectBuilder().add("sha", sha).add("path", path))
            .add(
                "commit",
                Json.createObjectBuilder()
                    .add("sha", commit)
                    .add("html_url", web + repo + "/commit/" + commit))
            .build());
  }

  private void refs(Exchange exchange, String repo, String rest, String method) {
    if (method.equals("GET") && rest.startsWith("ref/heads/")) {
      String branch = rest.substring("ref/heads/".length());
      String head = branches.get(repo + "@" + branch);
      if (head == null && !branch.equals("main")) {
        exchange.notFound();
        return;
      }
      head = head == null ? branches.computeIfAbsent(repo + "@main", k -> sha()) : head;
      exchange.json(
          200,
          Json.createObjectBuilder()
              .add("object", Json.createObjectBuilder().add("sha", head))
              .build());
    } else if (method.equals("POST") && rest.equals("refs")) {
      JsonObject body = exchange.body();
      branches.put(
          repo + "@" + body.getString("ref").replace("refs/heads/", ""), body.getString("sha"));
      exchange.json(201, body);
    } else {
      exchange.notFound();
    }
  }

  private void pulls(Exchange exchange, String repo, String method) {
    if (method.equals("GET")) {
      String head = String.valueOf(exchange.query("head"));
      String url = pulls.get(repo + "@" + head.substring(head.indexOf(':') + 1));
      JsonArrayBuilder list = Json.createArrayBuilder();
      if (url != null) {
        list.add(Json.createObjectBuilder().add("html_url", url));
      }
      exchange.json(200, list.build());
      return;
    }
    JsonObject body = exchange.body();
    String url = web + repo + "/pull/" + numbers.incrementAndGet();
    pulls.put(repo + "@" + body.getString("head"), url);
    exchange.json(201, Json.createObjectBuilder().add("html_url", url).build());
  }

  private void actions(Exchange exchange, String repo, String[] p, String method) {
    // actions/workflows/{wf}/dispatches | actions/workflows/{wf}/runs | actions/runs/{id}
    if (p.length == 7
        && p[4].equals("workflows")
        && p[6].equals("dispatches")
        && method.equals("POST")) {
      JsonObject inputs = exchange.body().getJsonObject("inputs");
      String key = inputs == null ? "" : inputs.getString("pao_idempotency_key", "");
      runs.add(new Run(900000L + numbers.incrementAndGet(), repo, p[5], "Provision " + key));
      exchange.empty(204);
    } else if (p.length == 7 && p[4].equals("workflows") && p[6].equals("runs")) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      runs.stream()
          .filter(run -> run.repo.equals(repo) && run.workflow.equals(p[5]))
          .forEach(run -> list.add(describe(run)));
      exchange.json(200, Json.createObjectBuilder().add("workflow_runs", list).build());
    } else if (p.length == 6 && p[4].equals("runs")) {
      Run run =
          runs.stream().filter(r -> String.valueOf(r.id).equals(p[5])).findFirst().orElse(null);
      if (run == null) {
        exchange.notFound();
        return;
      }
      run.looks++;
      exchange.json(200, describe(run).build());
    } else {
      exchange.notFound();
    }
  }

  private void webPage(Exchange exchange, String[] p) {
    String repo = p[0] + "/" + p[1];
    String what = String.join("/", java.util.Arrays.copyOfRange(p, 2, p.length));
    String url = web + repo + "/" + what;
    if (p[2].equals("commit") && commits.contains(repo + "@" + p[3])) {
      exchange.page(200, "Commit " + p[3], Map.of("Repository", repo));
    } else if (p[2].equals("pull") && pulls.containsValue(url)) {
      exchange.page(200, "Pull request #" + p[3], Map.of("Repository", repo));
    } else if (p.length == 5 && p[2].equals("actions") && p[3].equals("runs")) {
      runs.stream()
          .filter(run -> run.repo.equals(repo) && String.valueOf(run.id).equals(p[4]))
          .findFirst()
          .ifPresentOrElse(
              run ->
                  exchange.page(
                      200,
                      run.title,
                      Map.of(
                          "Repository",
                          repo,
                          "Workflow",
                          run.workflow,
                          "Status",
                          run.looks >= 2 ? "completed (success)" : "in progress")),
              () -> exchange.page(404, "No such workflow run", Map.of("Repository", repo)));
    } else {
      exchange.page(404, "Nothing at " + repo + "/" + what, Map.of());
    }
  }

  private JsonObjectBuilder describe(Run run) {
    boolean done = run.looks >= 2;
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", run.id)
            .add("display_title", run.title)
            .add("status", done ? "completed" : "in_progress")
            .add("html_url", web + run.repo + "/actions/runs/" + run.id)
            .add("created_at", run.created.toString());
    if (done) {
      json.add("conclusion", "success");
    } else {
      json.addNull("conclusion");
    }
    return json;
  }

  private static String sha() {
    return UUID.randomUUID().toString().replace("-", "") + "00000000";
  }
}
