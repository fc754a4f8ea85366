package dev.pao.catalog.load;

import java.util.Map;
import java.util.Optional;

/**
 * The catalog files of one commit: every {@code *.yaml}/{@code *.yml} under {@code catalog/},
 * {@code bundles/} and {@code policies/} by path (iterated in path order), and the CODEOWNERS text
 * if there is one.
 */
public record RepositoryFiles(
    String commit, Map<String, String> documents, Optional<String> codeOwners) {

  public RepositoryFiles {
    documents = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(documents));
  }

  /** The folders whose YAML files are catalog documents. */
  public static final java.util.List<String> DOCUMENT_FOLDERS =
      java.util.List.of("catalog", "bundles", "policies");

  /** Whether the repository file at {@code path} is a catalog document. */
  public static boolean isDocumentPath(String path) {
    return DOCUMENT_FOLDERS.stream().anyMatch(folder -> path.startsWith(folder + "/"))
        && (path.endsWith(".yaml") || path.endsWith(".yml"));
  }
}
