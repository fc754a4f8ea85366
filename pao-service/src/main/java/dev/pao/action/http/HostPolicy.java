package dev.pao.action.http;

import dev.pao.action.spi.ActionFailedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which hosts outbound calls may reach. Link-local and cloud metadata addresses are never allowed
 * (they expose instance credentials); templated targets (REST actions) must also match the
 * configured allowlist ({@code pao.http.allowed-hosts}: exact names or {@code *.suffix}).
 */
public final class HostPolicy {
  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata", "instance-data");

  private final List<String> allowed;
  private final Map<String, URI> redirects;

  public HostPolicy(List<String> allowed) {
    this(allowed, Map.of());
  }

  /**
   * A policy that also sends calls for some hosts elsewhere ({@code pao.http.redirect-hosts}:
   * {@code host=base-url}, {@code *.suffix} allowed): a sandbox standing in for real targets. The
   * allowlist is checked against the original host, the address rules against the new one.
   */
  public HostPolicy(List<String> allowed, Map<String, URI> redirects) {
    this.allowed = allowed.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    this.redirects = Map.copyOf(redirects);
  }

  /** Parses {@code host=base-url} entries. */
  public static Map<String, URI> redirects(List<String> entries) {
    Map<String, URI> redirects = new java.util.LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        redirects.put(
            entry.substring(0, equals).trim().toLowerCase(Locale.ROOT),
            URI.create(entry.substring(equals + 1).trim().replaceAll("/+$", "")));
      }
    }
    return redirects;
  }

  /** Where a call to {@code target} really goes (itself unless redirected). */
  public URI destination(URI target) {
    String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, URI> redirect : redirects.entrySet()) {
      String rule = redirect.getKey();
      if (rule.equals(host) || (rule.startsWith("*.") && host.endsWith(rule.substring(1)))) {
        String rest =
            target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return URI.create(redirect.getValue() + rest);
      }
    }
    return target;
  }

  /** Checks a configured target (JIRA, GitHub, Terraform instance): only the address rules. */
  public void checkConfigured(URI target) {
    checkAddress(host(destination(target)));
  }

  /** Checks a templated target: the allowlist and the address rules. */
  public void checkTemplated(URI target) {
    String host = host(target);
    if (!isAllowed(host)) {
      throw new ActionFailedException(
          "The host '" + host + "' is not in the allowed outbound hosts (pao.http.allowed-hosts)");
    }
    checkAddress(host(destination(target)));
  }

  boolean isAllowed(String host) {
    for (String rule : allowed) {
      if (rule.equals(host) || (rule.startsWith("*.") && host.endsWith(rule.substring(1)))) {
        return true;
      }
    }
    return false;
  }

  private static String host(URI target) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ActionFailedException(
          "Only http and https targets are allowed, not '" + target + "'");
    }
    if (target.getHost() == null) {
      throw new ActionFailedException("The target '" + target + "' has no host");
    }
    return target.getHost().toLowerCase(Locale.ROOT);
  }

  private static void checkAddress(String host) {
    if (METADATA_HOSTS.contains(host)) {
      throw new ActionFailedException("Calls to the metadata host '" + host + "' are not allowed");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new ActionFailedException("The host '" + host + "' cannot be resolved");
    }
    for (InetAddress address : addresses) {
      if (address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
        throw new ActionFailedException(
            "The host '"
                + host
                + "' resolves to a link-local address; calls there are not allowed");
      }
    }
  }
}
