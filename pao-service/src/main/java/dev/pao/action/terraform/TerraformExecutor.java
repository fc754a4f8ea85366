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
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.TransientActionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * is discarded fails the action with its URL.
 *
 * <p>Variables belong to the workspace, not to a run, so two requests on one workspace must not
 * interleave: setting variables and starting the run happen under a lock per workspace shared by
 * all servers ({@link WorkspaceLocks}), and only once no other run of the workspace is still to
 * plan (it would read these variables). Until then the action waits within its budget.
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

  /** Terraform's own rule for organization and workspace names; also keeps paths from escaping. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,90}");

  private final Map<String, ServiceInstance> instances;
  private final OutboundPolicy policy;
  private final Duration pollInterval;
  private final TypedClients<TerraformApi> clients;
  private final WorkspaceLocks locks;

  /** For CDI's client proxy only. */
  protected TerraformExecutor() {
    this.instances = Map.of();
    this.policy = null;
    this.pollInterval = null;
    this.clients = null;
    this.locks = null;
  }

  @Inject
  TerraformExecutor(
      TerraformConfiguration configuration,
      SecretStore secrets,
      OutboundPolicy policy,
      DatabaseWorkspaceLocks locks) {
    this(configuration.instances(), secrets, policy, configuration.pollInterval(), locks);
  }

  public TerraformExecutor(
      Map<String, ServiceInstance> instances,
      SecretStore secrets,
      OutboundPolicy policy,
      Duration pollInterval,
      WorkspaceLocks locks) {
    this.locks = locks;
    this.instances = Map.copyOf(instances);
    this.policy = policy;
    this.pollInterval = pollInterval;
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
    ServiceInstance instance =
        ServiceInstance.named(instances, call.text("instance"), "Terraform", TYPE);
    String name = instance.name();
    TerraformCalls tfc = new TerraformCalls(instance, clients.of(instance), policy, call);
    String organization = name(call, "organization");
    String workspace = name(call, "workspace");
    String workspaceId =
        String.valueOf(
            TerraformCalls.data(tfc.call(api -> api.workspace(organization, workspace))).get("id"));
    boolean autoApply =
        Boolean.parseBoolean(String.valueOf(call.spec().getOrDefault("autoApply", "false")));
    Map<String, Object> run = existingRun(runs(tfc, workspaceId), call.idempotencyKey());
    if (run == null) {
      run = claimAndStart(tfc, name + "/" + workspaceId, workspaceId, autoApply, call);
    }
    String runId = String.valueOf(run.get("id"));
    String url = tfc.webUrl("/app/" + organization + "/workspaces/" + workspace + "/runs/" + runId);
    String status = String.valueOf(TerraformCalls.attributes(run).get("status"));
    boolean wait = Boolean.parseBoolean(String.valueOf(call.spec().getOrDefault("wait", "false")));
    Map<String, Object> outputs = Map.of();
    if (wait) {
      status = follow(tfc, runId, url, autoApply, call);
      outputs = outputs(tfc, workspaceId);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("runId", runId);
    document.put("status", status);
    document.put("outputs", outputs);
    document.put("url", url);
    return new ActionResult(document, new ExternalRef(TYPE, name, runId, url));
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

  /**
   * Sets the variables and starts the run while holding the workspace's lock, once no other run of
   * the workspace is still before its plan; until then waits (heartbeating) within the action's
   * budget, and past it leaves the message for redelivery.
   */
  private Map<String, Object> claimAndStart(
      TerraformCalls tfc, String lockName, String workspaceId, boolean autoApply, ActionCall call) {
    String key = call.idempotencyKey();
    while (true) {
      String blocking = "another PAO action setting its variables";
      Optional<WorkspaceLocks.Held> held = locks.tryLock("terraform:" + lockName);
      if (held.isPresent()) {
        WorkspaceLocks.Held lock = held.get();
        try (lock) {
          List<Map<String, Object>> runs = runs(tfc, workspaceId);
          Map<String, Object> own = existingRun(runs, key);
          if (own != null) {
            return own;
          }
          Map<String, Object> busy = runBeforePlan(runs);
          if (busy == null) {
            new TerraformVariables(tfc).apply(workspaceId, call.spec().get("variables"), call);
            return startRun(tfc, workspaceId, key, autoApply);
          }
          blocking =
              "run "
                  + busy.get("id")
                  + " ('"
                  + TerraformCalls.attributes(busy).get("status")
                  + "')";
        }
      }
      call.heartbeat().beat();
      pause("waiting for workspace " + workspaceId);
      if (call.pastDeadline()) {
        throw new TransientActionException(
            "The workspace "
                + workspaceId
                + " is busy with "
                + blocking
                + "; its variables are left alone until that run has planned");
      }
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

  private String follow(
      TerraformCalls tfc, String runId, String url, boolean autoApply, ActionCall call) {
    while (true) {
      String status =
          String.valueOf(
              TerraformCalls.attributes(TerraformCalls.data(tfc.call(api -> api.run(runId))))
                  .get("status"));
      if (SUCCEEDED.contains(status) || (!autoApply && "planned".equals(status))) {
        return status;
      }
      if (FAILED.contains(status)) {
        throw new ActionFailedException(
            "Terraform run " + url + " ended '" + status + "'", Map.of("run_url", url));
      }
      if (call.pastDeadline()) {
        throw new TransientActionException("Terraform run " + url + " is still '" + status + "'");
      }
      call.heartbeat().beat();
      pause("following " + url);
    }
  }

  private void pause(String doing) {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientActionException("Interrupted while " + doing, e);
    }
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
