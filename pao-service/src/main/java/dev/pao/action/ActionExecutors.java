package dev.pao.action;

import dev.pao.action.github.GitHubAppTokens;
import dev.pao.action.github.GitHubCommitExecutor;
import dev.pao.action.github.GitHubConnections;
import dev.pao.action.github.GitHubWorkflowExecutor;
import dev.pao.action.http.HostPolicy;
import dev.pao.action.http.OutboundHttp;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.jira.JiraExecutor;
import dev.pao.action.rest.RestExecutor;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.terraform.TerraformExecutor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The executors of every action type, built from configuration: JIRA, GitHub and Terraform
 * instances ({@code pao.<kind>.instances}), secrets ({@code pao.secret.NAME}), the outbound
 * allowlist for REST actions ({@code pao.http.allowed-hosts}) and the per-host circuit breaker
 * ({@code pao.http.breaker.failures}, {@code pao.http.breaker.open-seconds}), whose state is a
 * metric ({@code pao_outbound_circuit_open{host}}).
 */
@ApplicationScoped
public class ActionExecutors {
  @Inject Config config;
  @Inject MetricRegistry metrics;

  private Map<String, ActionExecutor> byType;

  @PostConstruct
  void build() {
    Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
    SecretStore secrets = new SecretStore(lookup);
    List<String> allowed =
        config.getOptionalValues("pao.http.allowed-hosts", String.class).orElse(List.of());
    OutboundHttp http =
        new OutboundHttp(
            new HostPolicy(
                allowed,
                HostPolicy.redirects(
                    config
                        .getOptionalValues("pao.http.redirect-hosts", String.class)
                        .orElse(List.of()))),
            config.getOptionalValue("pao.http.breaker.failures", Integer.class).orElse(5),
            Duration.ofSeconds(
                config.getOptionalValue("pao.http.breaker.open-seconds", Integer.class).orElse(30)),
            (host, state) ->
                metrics.gauge(
                    new MetricID("pao_outbound_circuit_open", new Tag("host", host)),
                    host,
                    state::applyAsLong));
    Duration poll =
        Duration.ofMillis(
            config.getOptionalValue("pao.actions.poll-millis", Long.class).orElse(2000L));
    Map<String, ServiceInstance> github = ServiceInstance.load("github", 3, lookup);
    Map<String, ServiceInstance> terraform = ServiceInstance.load("terraform", 2, lookup);
    Map<String, GitHubAppTokens.App> apps = new HashMap<>();
    for (String name : github.keySet()) {
      String prefix = "pao.github." + name + ".";
      lookup
          .apply(prefix + "app-id")
          .ifPresent(
              appId ->
                  apps.put(
                      name,
                      new GitHubAppTokens.App(
                          appId,
                          lookup.apply(prefix + "installation-id").orElse(""),
                          lookup
                              .apply(prefix + "app-key-secret")
                              .orElse("github-" + name + "-app-key"))));
    }
    GitHubConnections gitHub =
        new GitHubConnections(github, secrets, http, new GitHubAppTokens(apps));
    byType =
        Stream.of(
                new JiraExecutor(ServiceInstance.load("jira", 2, lookup), secrets, http),
                new RestExecutor(secrets, http),
                new GitHubCommitExecutor(gitHub),
                new GitHubWorkflowExecutor(gitHub, poll),
                new TerraformExecutor(terraform, secrets, http, poll))
            .collect(Collectors.toUnmodifiableMap(ActionExecutor::type, e -> e));
  }

  /** The executor of an action type, if the type is known. */
  public Optional<ActionExecutor> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The known action types. */
  public Set<String> types() {
    return byType.keySet();
  }
}
