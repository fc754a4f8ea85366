package dev.pao.action.secret;

import dev.pao.action.spi.ActionFailedException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Secrets named by catalog documents and instance configuration ({@code auth.secret: NAME}); the
 * values live in the service's configuration ({@code pao.secret.NAME}, i.e. environment variable
 * {@code PAO_SECRET_NAME}) or any MicroProfile Config source backed by a secret store. A secret's
 * value is never written to logs, audit payloads, API answers or error messages.
 */
public final class SecretStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

  private final Function<String, Optional<String>> lookup;
  private final Set<String> internal;
  private final Set<String> revealed = ConcurrentHashMap.newKeySet();

  /** A store reading configuration keys with {@code lookup} (e.g. MicroProfile Config). */
  public SecretStore(Function<String, Optional<String>> lookup) {
    this(lookup, Set.of());
  }

  /**
   * @param internal the secrets of configured instances (JIRA, GitHub and Terraform tokens, GitHub
   *     App keys): only PAO's own clients use them, never a catalog action
   */
  public SecretStore(Function<String, Optional<String>> lookup, Set<String> internal) {
    this.lookup = lookup;
    this.internal = Set.copyOf(internal);
  }

  /**
   * The value of a secret a catalog action names for a call to {@code host}. Secrets of configured
   * instances are refused; a secret with a hosts list ({@code pao.secret.NAME.hosts}: exact names
   * or {@code *.suffix}) is given only for those hosts; one without is given for any host the
   * outbound allowlist lets the action reach.
   */
  public String revealFor(String name, String host) {
    if (internal.contains(name)) {
      throw new ActionFailedException(
          "The secret '"
              + name
              + "' belongs to a configured JIRA, GitHub or Terraform instance; actions cannot"
              + " use it");
    }
    String value = reveal(name);
    Optional<String> hosts = lookup.apply("pao.secret." + name + ".hosts");
    if (hosts.isPresent() && !hosts.get().isBlank() && !matches(hosts.get(), host)) {
      throw new ActionFailedException(
          "The secret '"
              + name
              + "' may not be sent to '"
              + host
              + "' (allowed: "
              + hosts.get().trim()
              + ", pao.secret."
              + name
              + ".hosts)");
    }
    return value;
  }

  private static boolean matches(String rules, String host) {
    String wanted = host == null ? "" : host.toLowerCase(Locale.ROOT);
    for (String raw : rules.split(",")) {
      String rule = raw.trim().toLowerCase(Locale.ROOT);
      if (!rule.isEmpty()
          && (rule.equals(wanted)
              || (rule.startsWith("*.") && wanted.endsWith(rule.substring(1))))) {
        return true;
      }
    }
    return false;
  }

  /** The value of the named secret; an unknown name fails the action without revealing anything. */
  public String reveal(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ActionFailedException("The secret name '" + name + "' is not valid");
    }
    String value =
        lookup
            .apply("pao.secret." + name)
            .filter(text -> !text.isBlank())
            .orElseThrow(
                () -> new ActionFailedException("The secret '" + name + "' is not configured"));
    revealed.add(value);
    return value;
  }

  /**
   * The values revealed so far, for masking: an error text that quotes something sent (a header, a
   * URL) must not carry them into logs or the audit trail.
   */
  public Set<String> revealedValues() {
    return Set.copyOf(revealed);
  }
}
