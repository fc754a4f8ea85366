package dev.pao.action.github;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.TransientActionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
 *
 * <p>A run is adopted only when its name carries the key. A workflow whose runs are not named so is
 * reported as dispatched without a run link, and with {@code wait: true} the action fails saying
 * the run-name must contain the key.
 */
@ApplicationScoped
public class GitHubWorkflowExecutor implements ActionExecutor {
  public static final String TYPE = "github-workflow";
  static final String KEY_INPUT = "pao_idempotency_key";

  private final GitHubConnections connections;
  private final Duration pollInterval;

  /** For CDI's client proxy only. */
  protected GitHubWorkflowExecutor() {
    this.connections = null;
    this.pollInterval = null;
  }

  @Inject
  GitHubWorkflowExecutor(GitHubConnections connections, GitHubConfiguration configuration) {
    this(connections, configuration.pollInterval());
  }

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
    GitHubCalls github = connections.calls(call);
    GitHubCommitExecutor.Repository repo =
        GitHubCommitExecutor.Repository.of(call.required("repository"));
    String workflow = PathSegments.workflow(call.required("workflow"));
    String ref = call.text("ref") == null ? "main" : call.text("ref");
    Runs runs = new Runs(github, repo, workflow);
    Optional<Map<?, ?>> run = findRun(runs, call.idempotencyKey());
    boolean wait = Boolean.parseBoolean(String.valueOf(call.spec().getOrDefault("wait", "false")));
    if (run.isEmpty()) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      if (call.spec().get("inputs") instanceof Map<?, ?> given) {
        given.forEach((name, value) -> inputs.put(String.valueOf(name), String.valueOf(value)));
      }
      inputs.put(KEY_INPUT, call.idempotencyKey());
      Map<String, Object> dispatch = Map.of("ref", ref, "inputs", inputs);
      github.call(
          api -> {
            api.dispatch(repo.owner(), repo.name(), workflow, dispatch);
            return null;
          });
      run = awaitRun(runs, call);
      if (run.isEmpty() && wait) {
        throw new ActionFailedException(
            "The workflow "
                + workflow
                + " of "
                + repo
                + " was dispatched, but no run named with the request's key appeared, so it"
                + " cannot be followed (wait: true): the workflow's run-name must contain the"
                + " key input, e.g. run-name: ${{ inputs."
                + KEY_INPUT
                + " }}",
            Map.of("idempotency_key", call.idempotencyKey()));
      }
    }
    if (wait && run.isPresent()) {
      run = Optional.of(followUntilConcluded(github, repo, run.get(), call));
    }
    return result(run.orElse(Map.of()), wait);
  }

  /** The runs of one workflow. */
  private record Runs(GitHubCalls github, GitHubCommitExecutor.Repository repo, String workflow) {
    Object listing() {
      return github
          .call(
              api -> api.workflowRuns(repo.owner(), repo.name(), workflow, "workflow_dispatch", 50))
          .get("workflow_runs");
    }
  }

  /**
   * The run named with {@code key}. Only the key identifies a run: another request dispatching the
   * same workflow at the same moment starts a run just as new, so a start time proves nothing.
   */
  private Optional<Map<?, ?>> findRun(Runs runs, String key) {
    if (runs.listing() instanceof List<?> all) {
      for (Object item : all) {
        if (item instanceof Map<?, ?> run
            && String.valueOf(run.get("display_title")).contains(key)) {
          return Optional.of(run);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Map<?, ?>> awaitRun(Runs runs, ActionCall call) {
    for (int poll = 0; poll < 10 && !call.pastDeadline(); poll++) {
      Optional<Map<?, ?>> run = findRun(runs, call.idempotencyKey());
      if (run.isPresent()) {
        return run;
      }
      call.heartbeat().beat();
      pause();
    }
    return Optional.empty();
  }

  private Map<?, ?> followUntilConcluded(
      GitHubCalls github, GitHubCommitExecutor.Repository repo, Map<?, ?> run, ActionCall call) {
    Map<?, ?> current = run;
    while (!"completed".equals(String.valueOf(current.get("status")))) {
      if (call.pastDeadline()) {
        throw new TransientActionException(
            "Workflow run " + current.get("html_url") + " has not concluded within the budget");
      }
      call.heartbeat().beat();
      pause();
      String id = String.valueOf(current.get("id"));
      current = github.call(api -> api.run(repo.owner(), repo.name(), id));
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
