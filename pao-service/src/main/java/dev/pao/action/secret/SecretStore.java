package dev.pao.action.secret;

import dev.pao.action.spi.ActionFailedException;
import java.util.Optional;
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

  /** A store reading configuration keys with {@code lookup} (e.g. MicroProfile Config). */
  public SecretStore(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  /** The value of the named secret; an unknown name fails the action without revealing anything. */
  public String reveal(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ActionFailedException("The secret name '" + name + "' is not valid");
    }
    return lookup
        .apply("pao.secret." + name)
        .filter(value -> !value.isBlank())
        .orElseThrow(
            () -> new ActionFailedException("The secret '" + name + "' is not configured"));
  }
}
