package dev.pao.action.terraform;

import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.http.RequestHeaders;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.http.TypedClients;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ActionWait;
import dev.pao.action.spi.ExternalRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs Terraform in a Terraform Cloud / Enterprise workspace: sets the workspace variables from the
 * template (values from sensitive form fields as sensitive variables), starts a run whose message
 * carries the idempotency key (an existing run with the key is reused on redelivery), and with
 * {@code wait: true} follows it to the end and captures the workspace outputs. A run that errors or
 * is discarded fails the action with its URL. Following holds no worker: the action waits ({@link
 * ActionResult#waiting}) and each later {@link #check} reads the run's status once.
 *
 * <p>Variables belong to the workspace, not to a run, so two requests on one workspace must not
 * interleave: setting variables and starting the run happen under a lock per workspace shared by
 * all servers ({@link WorkspaceLocks}), and only once no other run of the workspace is still to
 * plan (it would read these variables). Until then the action waits (as state, like a followed run:
 * each check tries once more) within its budget.
 */
@ApplicationScoped
public class TerraformExecutor implements ActionExecutor {
  public static final String TYPE = "terraform";
  private static final Set<String> SUCCEEDED = Set.of("applied", "planned_and_finished");
  private static final Set<String> FAILED =
      Set.of("errored", "canceled", "force_canceled", "discarded", "policy_soft_failed");

  /**
   * Run states before the plan has read the workspace variables: a run in one of these still picks
   * up whatever the variables are when its plan starts, so no other request may change them. A run
   * past planning (awaiting confirmation, applying) applies its saved plan and is not affected.
   */
  private static final Set<String> BEFORE_PLAN =
      Set.of(
          "pending",
          "fetching",
          "fetching_completed",
          "pre_plan_running",
          "pre_plan_completed",
          "queuing",
          "plan_queued",
          "planning");

  private static final String PHASE_WORKSPACE = "workspace";
  private static final String PHASE_RUN = "run";

  /** Terraform's own rule for organization and workspace names; also keeps paths from escaping. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,90}");

  private final Map<String, ServiceInstance> instances;
  private final OutboundPolicy policy;
  private final TypedClients<TerraformApi> clients;
  private final WorkspaceLocks locks;

  /** For CDI's client proxy only. */
  protected TerraformExecutor() {
    this.instances = Map.of();
    this.policy = null;
    this.clients = null;
    this.locks = null;
  }

  @Inject
  TerraformExecutor(
      TerraformConfiguration configuration,
      SecretStore secrets,
      OutboundPolicy policy,
      DatabaseWorkspaceLocks locks) {
    this(configuration.instances(), secrets, policy, locks);
  }

  public TerraformExecutor(
      Map<String, ServiceInstance> instances,
      SecretStore secrets,
      OutboundPolicy policy,
      WorkspaceLocks locks) {
    this.locks = locks;
    this.instances = Map.copyOf(instances);
    this.policy = policy;
    this.clients =
        new TypedClients<>(
            TerraformApi.class,
            policy.hosts(),
            tfc ->
                RequestHeaders.of(
                    "Authorization", () -> "Bearer " + secrets.reveal(tfc.tokenSecret())),
            tfc -> new TerraformErrors(tfc.name()));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ActionResult execute(ActionCall call) {
    Workspace workspace = workspace(call, null);
    Map<String, Object> run =
        existingRun(runs(workspace.tfc(), workspace.id()), call.idempotencyKey());
    if (run == null) {
      Claim claim = tryClaimAndStart(workspace, call);
      if (claim.run() == null) {
        return busy(workspace, claim.blocking());
      }
      run = claim.run();
    }
    return started(workspace, run, call);
  }

  /**
   * One look at what a waiting action waits for: the busy workspace (it tries once more to set its
   * variables and start its run) or its run (one status read), no sleeping.
   */
  @Override
  public ActionResult check(ActionCall call, ActionWait wait) {
    Workspace workspace = workspace(call, wait.text("workspace_id"));
    if (PHASE_RUN.equals(wait.text("phase"))) {
      String runId = wait.text("run_id");
      Map<String, Object> run = TerraformCalls.data(workspace.tfc().call(api -> api.run(runId)));
      return finish(workspace, run, call);
    }
    Map<String, Object> run =
        existingRun(runs(workspace.tfc(), workspace.id()), call.idempotencyKey());
    if (run == null) {
      Claim claim = tryClaimAndStart(workspace, call);
      if (claim.run() == null) {
        return busy(workspace, claim.blocking());
      }
      run = claim.run();
    }
    return started(workspace, run, call);
  }

  /** The workspace an action works in, on its Terraform instance. */
  private record Workspace(
      String instance, TerraformCalls tfc, String organization, String name, String id) {
    String runUrl(String runId) {
      return tfc.webUrl("/app/" + organization + "/workspaces/" + name + "/runs/" + runId);
    }
  }

  private Workspace workspace(ActionCall call, String knownId) {
    ServiceInstance instance =
        ServiceInstance.named(instances, call.text("instance"), "Terraform", TYPE);
    TerraformCalls tfc = new TerraformCalls(instance, clients.of(instance), policy, call);
    String organization = name(call, "organization");
    String workspace = name(call, "workspace");
    String id =
        knownId != null
            ? knownId
            : String.valueOf(
                TerraformCalls.data(tfc.call(api -> api.workspace(organization, workspace)))
                    .get("id"));
    return new Workspace(instance.name(), tfc, organization, workspace, id);
  }

  /** The run exists: done unless the action waits for it to end. */
  private ActionResult started(Workspace workspace, Map<String, Object> run, ActionCall call) {
    if (wait(call)) {
      return finish(workspace, run, call);
    }
    String runId = String.valueOf(run.get("id"));
    return result(
        workspace, runId, String.valueOf(TerraformCalls.attributes(run).get("status")), Map.of());
  }

  /**
   * A followed run that ended: its result with the workspace outputs, or the action fails; one
   * still going is waited for.
   */
  private ActionResult finish(Workspace workspace, Map<String, Object> run, ActionCall call) {
    String runId = String.valueOf(run.get("id"));
    String url = workspace.runUrl(runId);
    String status = String.valueOf(TerraformCalls.attributes(run).get("status"));
    if (SUCCEEDED.contains(status) || (!autoApply(call) && "planned".equals(status))) {
      return result(workspace, runId, status, outputs(workspace.tfc(), workspace.id()));
    }
    if (FAILED.contains(status)) {
      throw new ActionFailedException(
          "Terraform run " + url + " ended '" + status + "'", Map.of("run_url", url));
    }
    return ActionResult.waiting(
        ActionWait.of(
            "Terraform run " + url + " ('" + status + "')",
            Map.of("phase", PHASE_RUN, "workspace_id", workspace.id(), "run_id", runId)),
        new ExternalRef(TYPE, workspace.instance(), runId, url));
  }

  private static ActionResult busy(Workspace workspace, String blocking) {
    return ActionResult.waiting(
        ActionWait.of(
            "workspace "
                + workspace.organization()
                + "/"
                + workspace.name()
                + ", busy with "
                + blocking
                + " (its variables are left alone until that run has planned)",
            Map.of("phase", PHASE_WORKSPACE, "workspace_id", workspace.id())),
        null);
  }

  private static ActionResult result(
      Workspace workspace, String runId, String status, Map<String, Object> outputs) {
    String url = workspace.runUrl(runId);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("runId", runId);
    document.put("status", status);
    document.put("outputs", outputs);
    document.put("url", url);
    return new ActionResult(document, new ExternalRef(TYPE, workspace.instance(), runId, url));
  }

  private static boolean wait(ActionCall call) {
    return Boolean.parseBoolean(String.valueOf(call.spec().getOrDefault("wait", "false")));
  }

  private static boolean autoApply(ActionCall call) {
    return Boolean.parseBoolean(String.valueOf(call.spec().getOrDefault("autoApply", "false")));
  }

  private static String name(ActionCall call, String key) {
    String value = call.required(key);
    if (!NAME.matcher(value).matches()) {
      throw new ActionFailedException(
          "The "
              + key
              + " '"
              + value
              + "' is not a Terraform name (letters, digits, '-' and '_' only)");
    }
    return value;
  }

  /** A started (or found) run, or what keeps the workspace busy. */
  private record Claim(Map<String, Object> run, String blocking) {}

  /**
   * Sets the variables and starts the run while holding the workspace's lock, if no other run of
   * the workspace is still before its plan; otherwise answers what blocks it (the action waits and
   * tries again at its next check).
   */
  private Claim tryClaimAndStart(Workspace workspace, ActionCall call) {
    String key = call.idempotencyKey();
    Optional<WorkspaceLocks.Held> held =
        locks.tryLock("terraform:" + workspace.instance() + "/" + workspace.id());
    if (held.isEmpty()) {
      return new Claim(null, "another PAO action setting its variables");
    }
    try (WorkspaceLocks.Held lock = held.get()) {
      List<Map<String, Object>> runs = runs(workspace.tfc(), workspace.id());
      Map<String, Object> own = existingRun(runs, key);
      if (own != null) {
        return new Claim(own, null);
      }
      Map<String, Object> busy = runBeforePlan(runs);
      if (busy != null) {
        return new Claim(
            null,
            "run " + busy.get("id") + " ('" + TerraformCalls.attributes(busy).get("status") + "')");
      }
      new TerraformVariables(workspace.tfc())
          .apply(workspace.id(), call.spec().get("variables"), call);
      return new Claim(startRun(workspace.tfc(), workspace.id(), key, autoApply(call)), null);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> runs(TerraformCalls tfc, String workspaceId) {
    Object data = tfc.call(api -> api.runs(workspaceId, 50)).get("data");
    List<Map<String, Object>> runs = new ArrayList<>();
    if (data instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> run) {
          runs.add((Map<String, Object>) run);
        }
      }
    }
    return runs;
  }

  private static Map<String, Object> existingRun(List<Map<String, Object>> runs, String key) {
    for (Map<String, Object> run : runs) {
      if (String.valueOf(TerraformCalls.attributes(run).get("message")).contains(key)) {
        return run;
      }
    }
    return null;
  }

  private static Map<String, Object> runBeforePlan(List<Map<String, Object>> runs) {
    for (Map<String, Object> run : runs) {
      if (BEFORE_PLAN.contains(String.valueOf(TerraformCalls.attributes(run).get("status")))) {
        return run;
      }
    }
    return null;
  }

  private static Map<String, Object> startRun(
      TerraformCalls tfc, String workspaceId, String key, boolean autoApply) {
    Map<String, Object> body =
        Map.of(
            "data",
            Map.of(
                "type", "runs",
                "attributes", Map.of("message", "PAO " + key, "auto-apply", autoApply),
                "relationships",
                    Map.of(
                        "workspace",
                        Map.of("data", Map.of("type", "workspaces", "id", workspaceId)))));
    return TerraformCalls.data(tfc.call(api -> api.createRun(body)));
  }

  private static Map<String, Object> outputs(TerraformCalls tfc, String workspaceId) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    Object data = tfc.call(api -> api.outputs(workspaceId)).get("data");
    if (data instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> output) {
          Map<String, Object> attributes = TerraformCalls.attributes(output);
          boolean sensitive = Boolean.TRUE.equals(attributes.get("sensitive"));
          outputs.put(
              String.valueOf(attributes.get("name")), sensitive ? "***" : attributes.get("value"));
        }
      }
    }
    return outputs;
  }
}
