package dev.pao.action.github;

import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.secret.SecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The GitHub instances ({@code pao.github.instances}, {@code pao.github.<name>.url|token-secret},
 * as a GitHub App {@code .app-id|installation-id|app-key-secret}) and how often a followed workflow
 * run is polled ({@code pao.actions.poll-millis}).
 */
@ApplicationScoped
public class GitHubConfiguration {
  @Inject Config config;

  @Produces
  @Singleton
  GitHubConnections connections(SecretStore secrets, OutboundPolicy policy) {
    Map<String, ServiceInstance> instances = ServiceInstance.load("github", 3, this::value);
    Map<String, GitHubAppTokens.App> apps = new HashMap<>();
    for (String name : instances.keySet()) {
      String prefix = "pao.github." + name + ".";
      value(prefix + "app-id")
          .ifPresent(
              appId ->
                  apps.put(
                      name,
                      new GitHubAppTokens.App(
                          appId,
                          value(prefix + "installation-id").orElse(""),
                          value(prefix + "app-key-secret").orElse("github-" + name + "-app-key"))));
    }
    return new GitHubConnections(instances, secrets, policy, apps);
  }

  Duration pollInterval() {
    return Duration.ofMillis(
        config.getOptionalValue("pao.actions.poll-millis", Long.class).orElse(2000L));
  }

  private Optional<String> value(String key) {
    return config.getOptionalValue(key, String.class);
  }
}
