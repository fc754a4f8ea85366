package dev.pao.catalog.rules;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.ReadOnly;
import java.util.Collection;
import java.util.Optional;

/**
 * Who may request a document, from its {@code spec.access}: without one, everyone; with one, the
 * members of its teams and the holders of its roles.
 */
public final class Access {
  private Access() {}

  /** The decision for one caller: allowed, or why not (naming the rule). */
  public record Decision(boolean allowed, String reason, String rule) {
    static final Decision ALLOWED = new Decision(true, null, null);
  }

  /** The document's restriction, if it has one. */
  public static Optional<Principals> restrictionOf(CatalogDocument document) {
    Object access = document.spec().get("access");
    return access == null
        ? Optional.empty()
        : Optional.of(Principals.of(ReadOnly.mapAt(document.spec(), "access")));
  }

  /** Whether a caller with {@code teams} and {@code roles} may request {@code document}. */
  public static Decision decide(
      CatalogDocument document, Collection<String> teams, Collection<String> roles) {
    Optional<Principals> restriction = restrictionOf(document);
    if (restriction.isEmpty() || restriction.get().include(teams, roles)) {
      return Decision.ALLOWED;
    }
    String kind = document.kind().apiName();
    return new Decision(
        false,
        "only "
            + restriction.get().describe()
            + " may request "
            + kind
            + " '"
            + document.id()
            + "' (spec.access)",
        document.id() + "/spec.access");
  }
}
