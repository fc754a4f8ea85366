package dev.pao.catalog.git;

import java.util.Map;
import java.util.Optional;

/**
 * The catalog files of one commit: every {@code *.yaml}/{@code *.yml} under {@code catalog/} and
 * {@code bundles/} by path (sorted), and the CODEOWNERS text if there is one.
 */
public record RepositoryFiles(
    String commit, Map<String, String> documents, Optional<String> codeOwners) {

  public RepositoryFiles {
    documents = Map.copyOf(documents);
  }
}
