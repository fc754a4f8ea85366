package dev.pao.action.github;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.TransientActionException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dispatches a workflow ({@code workflow_dispatch}) with the rendered inputs plus {@code
 * pao_idempotency_key}. Workflows should name their runs after that input ({@code run-name: ${{
 * inputs.pao_idempotency_key }}}) so the run can be found again: before dispatching, an existing
 * run with the key means the dispatch already happened (redelivery). With {@code wait: true} the
 * run is followed until it concludes, keeping the message visible; {@code success} completes the
 * action, any other conclusion fails it with the run URL.
 */
public class GitHubWorkflowExecutor implements ActionExecutor {
  public static final String TYPE = "github-workflow";
  static final String KEY_INPUT = "pao_idempotency_key";

  private final GitHubConnections connections;
  private final Duration pollInterval;

  public GitHubWorkflowExecutor(GitHubConnections connections, Duration pollInterval) {
    this.connections = connections;
    this.pollInterval = pollInterval;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ActionResult execute(ActionCall call) {
    GitHubApi github = connections.api(call);
    String repo = GitHubCommitExecutor.repository(call.required("repository"));
    String workflow = GitHubCommitExecutor.encode(call.required("workflow"));
    String ref = call.text("ref") == null ? "main" : call.text("ref");
    String runs = "/repos/" + repo + "/actions/workflows/" + workflow + "/runs";
    Optional<Map<?, ?>> run = findRun(github, runs, call.idempotencyKey(), null);
    if (run.isEmpty()) {
      Instant dispatchedAt = Instant.now().minusSeconds(2);
      Map<String, Object> inputs = new LinkedHashMap<>();
      if (call.spec().get("inputs") instanceof Map<?, ?> given) {
        given.forEach((name, value) -> inputs.put(String.valueOf(name), String.valueOf(value)));
      }
      inputs.put(KEY_INPUT, call.idempotencyKey());
      github.expect(
          github.send(
              "POST",
              "/repos/" + repo + "/actions/workflows/" + workflow + "/dispatches",
              Map.of("ref", ref, "inputs", inputs)),
          "the workflow dispatch");
      run = awaitRun(github, runs, call, dispatchedAt);
    }
    boolean wait = Boolean.parseBoolean(String.valueOf(call.spec().getOrDefault("wait", "false")));
    if (wait && run.isPresent()) {
      run = Optional.of(followUntilConcluded(github, repo, run.get(), call));
    }
    return result(run.orElse(Map.of()), wait);
  }

  private Optional<Map<?, ?>> findRun(GitHubApi github, String runs, String key, Instant since) {
    Object listing =
        github
            .expect(github.get(runs + "?event=workflow_dispatch&per_page=50"), "the run listing")
            .object()
            .get("workflow_runs");
    if (!(listing instanceof List<?> all)) {
      return Optional.empty();
    }
    for (Object item : all) {
      if (item instanceof Map<?, ?> run && String.valueOf(run.get("display_title")).contains(key)) {
        return Optional.of(run);
      }
    }
    if (since != null) {
      for (Object item : all) {
        if (item instanceof Map<?, ?> run
            && run.get("created_at") != null
            && !Instant.parse(String.valueOf(run.get("created_at"))).isBefore(since)) {
          return Optional.of(run);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Map<?, ?>> awaitRun(
      GitHubApi github, String runs, ActionCall call, Instant since) {
    for (int poll = 0; poll < 10 && !call.pastDeadline(); poll++) {
      Optional<Map<?, ?>> run = findRun(github, runs, call.idempotencyKey(), since);
      if (run.isPresent()) {
        return run;
      }
      call.heartbeat().beat();
      pause();
    }
    return Optional.empty();
  }

  private Map<?, ?> followUntilConcluded(
      GitHubApi github, String repo, Map<?, ?> run, ActionCall call) {
    Map<?, ?> current = run;
    while (!"completed".equals(String.valueOf(current.get("status")))) {
      if (call.pastDeadline()) {
        throw new TransientActionException(
            "Workflow run " + current.get("html_url") + " has not concluded within the budget");
      }
      call.heartbeat().beat();
      pause();
      current =
          github
              .expect(
                  github.get("/repos/" + repo + "/actions/runs/" + current.get("id")), "the run")
              .object();
    }
    if (!"success".equals(String.valueOf(current.get("conclusion")))) {
      throw new ActionFailedException(
          "Workflow run "
              + current.get("html_url")
              + " concluded '"
              + current.get("conclusion")
              + "'",
          Map.of("run_url", String.valueOf(current.get("html_url"))));
    }
    return current;
  }

  private static ActionResult result(Map<?, ?> run, boolean waited) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("runId", run.get("id") == null ? null : String.valueOf(run.get("id")));
    document.put("url", run.get("html_url"));
    document.put("status", run.get("status") == null ? "queued" : run.get("status"));
    document.put("conclusion", waited ? run.get("conclusion") : null);
    String url = run.get("html_url") == null ? null : String.valueOf(run.get("html_url"));
    return new ActionResult(
        document,
        url == null ? null : new ExternalRef(TYPE, null, String.valueOf(run.get("id")), url));
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientActionException("Interrupted while following a workflow run", e);
    }
  }
}
