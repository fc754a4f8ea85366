package dev.pao.catalog.load;

import java.util.Map;
import java.util.Optional;

/**
 * The catalog files of one commit: every {@code *.yaml}/{@code *.yml} under {@code catalog/} and
 * {@code bundles/} by path (iterated in path order), and the CODEOWNERS text if there is one.
 */
public record RepositoryFiles(
    String commit, Map<String, String> documents, Optional<String> codeOwners) {

  public RepositoryFiles {
    documents = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(documents));
  }
}
