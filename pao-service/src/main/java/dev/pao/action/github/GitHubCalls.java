package dev.pao.action.github;

import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.spi.ActionCall;
import java.util.Optional;
import java.util.function.Function;

/**
 * The calls of one action to one GitHub instance: each goes through the outbound policy, after
 * making sure a GitHub App instance has a valid installation token.
 */
final class GitHubCalls {
  private final ServiceInstance instance;
  private final GitHubApi api;
  private final OutboundPolicy policy;
  private final GitHubAppTokens apps;
  private final ActionCall call;

  GitHubCalls(
      ServiceInstance instance,
      GitHubApi api,
      OutboundPolicy policy,
      GitHubAppTokens apps,
      ActionCall call) {
    this.instance = instance;
    this.api = api;
    this.policy = policy;
    this.apps = apps;
    this.call = call;
  }

  String webUrl(String path) {
    String base = instance.baseUrl().toString();
    String web =
        base.contains("api.github.com")
            ? "https://github.com"
            : base.replaceFirst("/api/v3$", "").replaceFirst("//api\\.", "//");
    return web + path;
  }

  /** One call; error answers arrive classified (failed or transient). */
  <T> T call(Function<GitHubApi, T> exchange) {
    apps.renewIfNeeded(instance, api, policy, call);
    return policy.callConfigured(instance.baseUrl(), call, () -> exchange.apply(api));
  }

  /** One call whose refusal with {@code status} (e.g. 404: not there yet) is an empty answer. */
  <T> Optional<T> callUnless(int status, Function<GitHubApi, T> exchange) {
    try {
      return Optional.ofNullable(call(exchange));
    } catch (RejectedAnswerException e) {
      if (e.status() == status) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
