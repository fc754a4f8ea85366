package dev.pao.action.github;

import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.http.RequestHeaders;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.http.TypedClients;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import java.util.Map;

/**
 * What both GitHub executors need to reach an instance: the configured instances, one typed client
 * each (authorized with the instance's token, or its GitHub App's installation token), the
 * app-token cache and the outbound policy.
 */
public final class GitHubConnections {
  private final Map<String, ServiceInstance> instances;
  private final OutboundPolicy policy;
  private final GitHubAppTokens apps;
  private final TypedClients<GitHubApi> clients;

  public GitHubConnections(
      Map<String, ServiceInstance> instances,
      SecretStore secrets,
      OutboundPolicy policy,
      Map<String, GitHubAppTokens.App> apps) {
    this.instances = Map.copyOf(instances);
    this.policy = policy;
    this.apps = new GitHubAppTokens(apps, secrets);
    this.clients =
        new TypedClients<>(
            GitHubApi.class,
            policy.hosts(),
            instance ->
                RequestHeaders.of(
                    "Authorization",
                    () ->
                        "Bearer "
                            + (this.apps.configured(instance)
                                ? this.apps.current(instance)
                                : secrets.reveal(instance.tokenSecret()))),
            instance -> new GitHubErrors(instance.name()));
  }

  /** Instances authenticated with tokens only (no GitHub Apps). */
  public GitHubConnections(
      Map<String, ServiceInstance> instances, SecretStore secrets, OutboundPolicy policy) {
    this(instances, secrets, policy, Map.of());
  }

  /** The calls of this action to the instance it names ({@code default} when it names none). */
  GitHubCalls calls(ActionCall call) {
    ServiceInstance instance =
        ServiceInstance.named(instances, call.text("instance"), "GitHub", "github");
    return new GitHubCalls(instance, clients.of(instance), policy, apps, call);
  }
}
