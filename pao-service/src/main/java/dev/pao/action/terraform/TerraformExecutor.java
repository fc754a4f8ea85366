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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs Terraform in a Terraform Cloud / Enterprise workspace: sets the workspace variables from the
 * template, starts a run whose message carries the idempotency key (an existing run with the key is
 * reused on redelivery), and with {@code wait: true} follows it to the end and captures the
 * workspace outputs. A run that errors or is discarded fails the action with its URL.
 */
@ApplicationScoped
public class TerraformExecutor implements ActionExecutor {
  public static final String TYPE = "terraform";
  private static final Set<String> SUCCEEDED = Set.of("applied", "planned_and_finished");
  private static final Set<String> FAILED =
      Set.of("errored", "canceled", "force_canceled", "discarded", "policy_soft_failed");

  private final Map<String, ServiceInstance> instances;
  private final OutboundPolicy policy;
  private final Duration pollInterval;
  private final TypedClients<TerraformApi> clients;

  /** For CDI's client proxy only. */
  protected TerraformExecutor() {
    this.instances = Map.of();
    this.policy = null;
    this.pollInterval = null;
    this.clients = null;
  }

  @Inject
  TerraformExecutor(
      TerraformConfiguration configuration, SecretStore secrets, OutboundPolicy policy) {
    this(configuration.instances(), secrets, policy, configuration.pollInterval());
  }

  public TerraformExecutor(
      Map<String, ServiceInstance> instances,
      SecretStore secrets,
      OutboundPolicy policy,
      Duration pollInterval) {
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
    String organization = call.required("organization");
    String workspace = call.required("workspace");
    String workspaceId =
        String.valueOf(
            TerraformCalls.data(tfc.call(api -> api.workspace(organization, workspace))).get("id"));
    new TerraformVariables(tfc).apply(workspaceId, call.spec().get("variables"));
    boolean autoApply =
        Boolean.parseBoolean(String.valueOf(call.spec().getOrDefault("autoApply", "false")));
    Map<String, Object> run = existingRun(tfc, workspaceId, call.idempotencyKey());
    if (run == null) {
      run = startRun(tfc, workspaceId, call.idempotencyKey(), autoApply);
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

  private static Map<String, Object> existingRun(
      TerraformCalls tfc, String workspaceId, String key) {
    Object runs = tfc.call(api -> api.runs(workspaceId, 50)).get("data");
    if (runs instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> run
            && String.valueOf(TerraformCalls.attributes(run).get("message")).contains(key)) {
          @SuppressWarnings("unchecked")
          Map<String, Object> found = (Map<String, Object>) run;
          return found;
        }
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
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransientActionException("Interrupted while following " + url, e);
      }
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
