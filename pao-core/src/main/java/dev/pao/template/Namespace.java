package dev.pao.template;

import java.util.Optional;

/**
 * The four namespaces a template may read from. Templates can reach nothing else: there is no
 * dynamic namespace, no method call and no access to Java objects.
 */
public enum Namespace {
  /** The requester's form data; groups nest ({@code .current.network.vpc}). */
  CURRENT("current"),
  /** Flat keys produced by the {@code outputs} of actions that already ran. */
  OUTPUT("output"),
  /** Catalog item metadata keyed by item id ({@code .metadata.postgres-database.version}). */
  METADATA("metadata"),
  /** Platform-provided context: request id, user, platform, timestamp. */
  SYSTEM("system");

  private final String key;

  Namespace(String key) {
    this.key = key;
  }

  /** The name used in templates, without the leading dot (for example {@code current}). */
  public String key() {
    return key;
  }

  /** Finds the namespace written as {@code key} in a template, if there is one. */
  public static Optional<Namespace> fromKey(String key) {
    for (Namespace namespace : values()) {
      if (namespace.key.equals(key)) {
        return Optional.of(namespace);
      }
    }
    return Optional.empty();
  }
}
