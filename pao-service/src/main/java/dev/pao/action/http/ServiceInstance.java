package dev.pao.action.http;

import dev.pao.action.spi.ActionFailedException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A configured external service instance (a JIRA, a GitHub or GitHub Enterprise, a Terraform
 * Cloud/Enterprise): its name, base URL, API version, optional user (basic auth) and the name of
 * the secret holding its token. Read from {@code pao.<kind>.instances=a,b} and {@code
 * pao.<kind>.<name>.url|api-version|user|token-secret}.
 */
public record ServiceInstance(
    String name, URI baseUrl, int apiVersion, String user, String tokenSecret) {

  /** All instances of one kind, by name. */
  public static Map<String, ServiceInstance> load(
      String kind, int defaultApiVersion, Function<String, Optional<String>> config) {
    Map<String, ServiceInstance> instances = new LinkedHashMap<>();
    for (String name : names(config.apply("pao." + kind + ".instances").orElse(""))) {
      String prefix = "pao." + kind + "." + name + ".";
      Optional<String> url = config.apply(prefix + "url");
      if (url.isEmpty()) {
        continue;
      }
      instances.put(
          name,
          new ServiceInstance(
              name,
              URI.create(url.get().replaceAll("/+$", "")),
              config.apply(prefix + "api-version").map(Integer::parseInt).orElse(defaultApiVersion),
              config.apply(prefix + "user").filter(u -> !u.isBlank()).orElse(null),
              config.apply(prefix + "token-secret").orElse(kind + "-" + name + "-token")));
    }
    return Map.copyOf(instances);
  }

  /**
   * The instance an action names ({@code default} when it names none).
   *
   * @param label the kind of service in the message, e.g. {@code JIRA}
   * @param kind the configuration kind, e.g. {@code jira}
   */
  public static ServiceInstance named(
      Map<String, ServiceInstance> instances, String name, String label, String kind) {
    String wanted = name == null || name.isBlank() ? "default" : name;
    ServiceInstance instance = instances.get(wanted);
    if (instance == null) {
      throw new ActionFailedException(
          "No "
              + label
              + " instance named '"
              + wanted
              + "' is configured (pao."
              + kind
              + ".instances)");
    }
    return instance;
  }

  private static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String name : list.split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return names;
  }

  /** A URI below the base URL. */
  public URI resolve(String path) {
    return URI.create(baseUrl + path);
  }
}
