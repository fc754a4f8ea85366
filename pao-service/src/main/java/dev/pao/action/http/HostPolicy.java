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
 * Which hosts outbound calls may reach. Link-local, unspecified and cloud metadata addresses
 * ({@code 169.254.169.254}, {@code fd00:ec2::254}, {@code metadata.google.internal}) are never
 * allowed: they expose instance credentials. Templated targets (REST actions) must also match the
 * configured allowlist ({@code pao.http.allowed-hosts}: exact names or {@code *.suffix}), and every
 * address their host resolves to must be public: loopback, RFC 1918, unique local ({@code
 * fc00::/7}) and site-local addresses are refused unless they lie in {@code
 * pao.http.allowed-networks} (CIDR ranges). Configured instances (JIRA, GitHub, Terraform) are
 * chosen by the operator and often internal, so only the never-allowed rule applies to them.
 *
 * <p>The host is resolved when the call is checked and the HTTP client resolves it again when it
 * connects; a name whose DNS answer changes in between (rebinding) is not caught. Names in the
 * allowlist are the operator's, so that window needs control of an allowed name's DNS.
 */
public final class HostPolicy {
  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata", "instance-data");

  private static final AddressRanges METADATA_ADDRESSES =
      AddressRanges.parse(List.of("fd00:ec2::254/128"));

  private final List<String> allowed;
  private final Map<String, URI> redirects;
  private final AddressRanges allowedNetworks;

  public HostPolicy(List<String> allowed) {
    this(allowed, Map.of());
  }

  public HostPolicy(List<String> allowed, Map<String, URI> redirects) {
    this(allowed, redirects, AddressRanges.NONE);
  }

  /**
   * A policy that also sends calls for some hosts elsewhere ({@code pao.http.redirect-hosts}:
   * {@code host=base-url}, {@code *.suffix} allowed): a sandbox standing in for real targets. The
   * allowlist is checked against the original host, the address rules against the new one. {@code
   * allowedNetworks} are the private ranges templated targets may reach.
   */
  public HostPolicy(
      List<String> allowed, Map<String, URI> redirects, AddressRanges allowedNetworks) {
    this.allowed = allowed.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    this.redirects = Map.copyOf(redirects);
    this.allowedNetworks = allowedNetworks;
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
    checkAddress(host(destination(target)), true);
  }

  /** Checks a templated target: the allowlist and the address rules. */
  public void checkTemplated(URI target) {
    String host = host(target);
    if (!isAllowed(host)) {
      throw new ActionFailedException(
          "The host '" + host + "' is not in the allowed outbound hosts (pao.http.allowed-hosts)");
    }
    checkAddress(host(destination(target)), false);
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

  private void checkAddress(String host, boolean configured) {
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
      if (address.isLinkLocalAddress()
          || address.isAnyLocalAddress()
          || METADATA_ADDRESSES.contains(address)) {
        throw new ActionFailedException(
            "The host '"
                + host
                + "' resolves to a link-local or metadata address ("
                + address.getHostAddress()
                + "); calls there are not allowed");
      }
      if (!configured && isPrivate(address) && !allowedNetworks.contains(address)) {
        throw new ActionFailedException(
            "The host '"
                + host
                + "' resolves to the private address "
                + address.getHostAddress()
                + ", which is not in the allowed networks (pao.http.allowed-networks)");
      }
    }
  }

  /** Loopback, RFC 1918, site-local and unique local (fc00::/7) addresses. */
  private static boolean isPrivate(InetAddress address) {
    byte[] bytes = address.getAddress();
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc);
  }
}
