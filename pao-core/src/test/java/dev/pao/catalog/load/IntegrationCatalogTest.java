package dev.pao.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.catalog.document.CatalogSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documents the integration tests add to the sample catalog pass validation too. */
class IntegrationCatalogTest {
  @Test
  void theIntegrationDocumentsAreValid() throws IOException {
    RepositoryFiles samples = SampleCatalog.files("c0ffee");
    Map<String, String> documents = new TreeMap<>(samples.documents());
    Path extra = SampleCatalog.folder().getParent().resolve("pao-it/src/test/resources/it-catalog");
    try (Stream<Path> paths = Files.walk(extra)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        documents.put(
            extra.relativize(path).toString(),
            Files.readString(path).replace("WIREMOCK_PORT", "8089"));
      }
    }
    CatalogLoader.Result result =
        new CatalogLoader()
            .load(
                new RepositoryFiles("c0ffee", documents, samples.codeOwners()),
                CatalogSnapshot.empty(),
                Instant.now());
    assertEquals(List.of(), result.rejected());
  }
}
