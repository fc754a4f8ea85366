package dev.pao.template;

import java.util.Map;
import java.util.Set;

/**
 * The values a render reads: one tree per namespace (maps and lists of strings, numbers and
 * booleans; other value types are treated as missing) and the {@code .current} paths that are
 * sensitive. The engine only reads these maps and never calls methods on the values.
 *
 * @param current the form data; groups are nested maps
 * @param output the flat outputs of the actions that already ran
 * @param metadata catalog item metadata keyed by item id
 * @param system platform context ({@code requestId}, {@code user: {email, ...}}, ...)
 * @param sensitiveCurrentPaths dotted {@code .current} paths of fields marked {@code sensitive}
 *     (for example {@code adminPassword} or {@code network.secret}); any expression reading such a
 *     path, a group containing one, or a value below one is masked
 */
public record Namespaces(
    Map<String, ?> current,
    Map<String, ?> output,
    Map<String, ?> metadata,
    Map<String, ?> system,
    Set<String> sensitiveCurrentPaths) {

  /** Replaces absent maps and sets with empty ones. */
  public Namespaces {
    current = current == null ? Map.of() : current;
    output = output == null ? Map.of() : output;
    metadata = metadata == null ? Map.of() : metadata;
    system = system == null ? Map.of() : system;
    sensitiveCurrentPaths = sensitiveCurrentPaths == null ? Set.of() : sensitiveCurrentPaths;
  }

  /** No values at all: every expression renders as the empty string. */
  public static Namespaces empty() {
    return new Namespaces(null, null, null, null, null);
  }

  /** The tree of one namespace. */
  public Map<String, ?> of(Namespace namespace) {
    return switch (namespace) {
      case CURRENT -> current;
      case OUTPUT -> output;
      case METADATA -> metadata;
      case SYSTEM -> system;
    };
  }

  /**
   * Whether an expression reading {@code path} of {@code namespace} must be masked: it reads a
   * sensitive {@code .current} path, a group that contains one, or a value below one.
   */
  public boolean isSensitive(Namespace namespace, String path) {
    if (namespace != Namespace.CURRENT || sensitiveCurrentPaths.isEmpty()) {
      return false;
    }
    for (String sensitive : sensitiveCurrentPaths) {
      if (sensitive.equals(path) || isBelow(sensitive, path) || isBelow(path, sensitive)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBelow(String inner, String outer) {
    return inner.length() > outer.length()
        && inner.startsWith(outer)
        && inner.charAt(outer.length()) == '.';
  }
}
