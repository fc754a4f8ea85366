package dev.pao.action.github;

import dev.pao.action.http.OutboundHttp;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import java.util.Map;

/**
 * What both GitHub executors need to reach an instance: the configured instances, their secrets
 * (tokens or GitHub App keys), the app-token cache and the outbound HTTP policy.
 */
public final class GitHubConnections {
  private final Map<String, ServiceInstance> instances;
  private final SecretStore secrets;
  private final OutboundHttp http;
  private final GitHubAppTokens apps;

  public GitHubConnections(
      Map<String, ServiceInstance> instances,
      SecretStore secrets,
      OutboundHttp http,
      GitHubAppTokens apps) {
    this.instances = Map.copyOf(instances);
    this.secrets = secrets;
    this.http = http;
    this.apps = apps;
  }

  /** Instances authenticated with tokens only (no GitHub Apps). */
  public GitHubConnections(
      Map<String, ServiceInstance> instances, SecretStore secrets, OutboundHttp http) {
    this(instances, secrets, http, new GitHubAppTokens(Map.of()));
  }

  /** The API of the instance the action names ({@code default} when it names none). */
  GitHubApi api(ActionCall call) {
    return new GitHubApi(
        GitHubApi.instance(instances, call.text("instance")), secrets, http, call, apps);
  }
}
