package dev.pao.action.secret;

import dev.pao.action.http.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The secrets of the executors, read from MicroProfile Config ({@code pao.secret.NAME}, hosts a
 * catalog action may send it to: {@code pao.secret.NAME.hosts}); the instances' own secrets are
 * kept from catalog actions.
 */
@ApplicationScoped
public class SecretConfiguration {
  @Inject Config config;

  @Produces
  @Singleton
  SecretStore secrets() {
    Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
    return new SecretStore(lookup, internalSecrets(lookup));
  }

  /** The token secrets of every configured instance and the GitHub App keys. */
  static Set<String> internalSecrets(Function<String, Optional<String>> lookup) {
    Set<String> names = new HashSet<>();
    for (String kind : List.of("jira", "github", "terraform")) {
      ServiceInstance.load(kind, 2, lookup).values().stream()
          .map(ServiceInstance::tokenSecret)
          .forEach(names::add);
    }
    for (String name : ServiceInstance.load("github", 3, lookup).keySet()) {
      names.add(
          lookup
              .apply("pao.github." + name + ".app-key-secret")
              .orElse("github-" + name + "-app-key"));
    }
    return names;
  }
}
