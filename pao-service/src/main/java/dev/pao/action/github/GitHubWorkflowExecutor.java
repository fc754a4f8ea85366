package dev.pao.action.github;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ActionWait;
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
 * run is followed until it concludes without holding a worker: the action waits ({@link
 * ActionResult#waiting}) and each later {@link #check} looks at the run once; {@code success}
 * completes the action, any other conclusion fails it with the run URL.
 *
 * <p>A run is adopted only when its name carries the key. A workflow whose runs are not named so is
 * reported as dispatched without a run link, and with {@code wait: true} the action fails saying
 * the run-name must contain the key.
 */
@ApplicationScoped
public class GitHubWorkflowExecutor implements ActionExecutor {
  public static final String TYPE = "github-workflow";
  static final String KEY_INPUT = "pao_idempotency_key";

  /** How often a waiting action looks for its dispatched run before it gives up. */
  static final int LOOKS_FOR_RUN = 10;

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
      if (wait) {
        // The run appears (and then concludes) later: later checks look for it.
        return follow(repo, workflow, findRun(runs, call.idempotencyKey()), 0, call);
      }
      run = awaitRun(runs, call);
    }
    if (wait) {
      return follow(repo, workflow, run, 0, call);
    }
    return result(run.orElse(Map.of()), false);
  }

  /**
   * One look at the run a waiting action follows (or, before it appeared, for the run named with
   * the key): its result once it concluded, otherwise waiting again.
   */
  @Override
  public ActionResult check(ActionCall call, ActionWait wait) {
    GitHubCalls github = connections.calls(call);
    GitHubCommitExecutor.Repository repo =
        GitHubCommitExecutor.Repository.of(call.required("repository"));
    String workflow = PathSegments.workflow(call.required("workflow"));
    String runId = wait.text("run_id");
    if (runId == null) {
      Optional<Map<?, ?>> run = findRun(new Runs(github, repo, workflow), call.idempotencyKey());
      return follow(repo, workflow, run, wait.number("looks", 0) + 1, call);
    }
    Map<?, ?> run = github.call(api -> api.run(repo.owner(), repo.name(), runId));
    return follow(repo, workflow, Optional.of(run), 0, call);
  }

  /**
   * The result of a followed run that concluded; waiting while it runs (or has not appeared yet,
   * for at most {@link #LOOKS_FOR_RUN} looks: a run whose name lacks the key never appears).
   */
  private static ActionResult follow(
      GitHubCommitExecutor.Repository repo,
      String workflow,
      Optional<Map<?, ?>> found,
      int looks,
      ActionCall call) {
    if (found.isEmpty()) {
      if (looks >= LOOKS_FOR_RUN) {
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
      return ActionResult.waiting(
          ActionWait.of(
              "the run of workflow " + workflow + " of " + repo + " to appear",
              Map.of("looks", looks)),
          null);
    }
    Map<?, ?> run = found.get();
    if (!"completed".equals(String.valueOf(run.get("status")))) {
      String url = String.valueOf(run.get("html_url"));
      return ActionResult.waiting(
          ActionWait.of(
              "workflow run " + url + " ('" + run.get("status") + "')",
              Map.of("run_id", String.valueOf(run.get("id")))),
          new ExternalRef(TYPE, null, String.valueOf(run.get("id")), url));
    }
    if (!"success".equals(String.valueOf(run.get("conclusion")))) {
      throw new ActionFailedException(
          "Workflow run " + run.get("html_url") + " concluded '" + run.get("conclusion") + "'",
          Map.of("run_url", String.valueOf(run.get("html_url"))));
    }
    return result(run, true);
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
