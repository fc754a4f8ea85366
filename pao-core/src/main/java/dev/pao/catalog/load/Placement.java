package dev.pao.catalog.load;

import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.validation.DocumentValidator;
import dev.pao.catalog.yaml.Position;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where documents belong in the repository: items at {@code catalog/<category>/<file>.yaml},
 * bundles at {@code bundles/<file>.yaml}, policies at {@code policies/<file>.yaml}. Ids that are
 * API path words are reserved.
 */
final class Placement {
  private static final Set<String> RESERVED_IDS = Set.of("schema", "sync", "refresh");

  private Placement() {}

  static Optional<String> folderCategory(String path) {
    String[] parts = path.split("/");
    return parts.length == 3 && parts[0].equals("catalog")
        ? Optional.of(parts[1])
        : Optional.empty();
  }

  static List<Rejection> check(DocumentValidator.Parsed parsed) {
    String path = parsed.file();
    String[] parts = path.split("/");
    Position kind = parsed.yaml().positionOf("kind");
    if (RESERVED_IDS.contains(parsed.id())) {
      Position id = parsed.yaml().positionOf("metadata.id");
      return List.of(
          new Rejection(
              path, id.line(), id.column(), "metadata.id", "id '" + parsed.id() + "' is reserved"));
    }
    if (parsed.kind() == DocumentKind.ITEM && !(parts[0].equals("catalog") && parts.length == 3)) {
      return List.of(
          new Rejection(
              path,
              kind.line(),
              kind.column(),
              "kind",
              "a CatalogItem belongs at catalog/<category>/<file>.yaml"));
    }
    if (parsed.kind() == DocumentKind.POLICY
        && !(parts[0].equals("policies") && parts.length == 2)) {
      return List.of(
          new Rejection(
              path,
              kind.line(),
              kind.column(),
              "kind",
              "a CatalogPolicy belongs at policies/<file>.yaml"));
    }
    if (parsed.kind() == DocumentKind.BUNDLE
        && !(parts[0].equals("bundles") && parts.length == 2)) {
      return List.of(
          new Rejection(
              path,
              kind.line(),
              kind.column(),
              "kind",
              "a CatalogBundle belongs at bundles/<file>.yaml"));
    }
    return List.of();
  }
}
