package dev.pao;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.load.CatalogLoader;
import dev.pao.catalog.load.RepositoryFiles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of catalog documents, seeded with the sample catalog (copied into the
 * inputs directory by the build): whatever the bytes, loading them publishes a document or rejects
 * it with reasons, never throws, and answers within a second.
 */
class CatalogYamlFuzzTest {
  private static final FuzzBudget BUDGET = new FuzzBudget("catalog YAML");
  private static final CatalogLoader LOADER = new CatalogLoader();

  static {
    load("kind: CatalogItem"); // loads the schema and the validator before the first timed input
  }

  @FuzzTest(maxDuration = "15s")
  void catalogDocument(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    BUDGET.run(text, () -> load(text));
  }

  private static void load(String text) {
    for (String path : new String[] {"catalog/compute/fuzzed.yaml", "bundles/fuzzed.yaml"}) {
      CatalogLoader.Result result =
          LOADER.load(
              new RepositoryFiles("fuzz", Map.of(path, text), Optional.empty()),
              CatalogSnapshot.empty(),
              Instant.EPOCH);
      if (result.snapshot().documents().isEmpty() == result.rejected().isEmpty()) {
        throw new AssertionError("neither published nor rejected with a reason: " + result);
      }
      result.rejected().forEach(rejection -> rejection.reason().length());
    }
  }
}
