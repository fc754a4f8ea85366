package dev.pao.it;

import static org.awaitility.Awaitility.await;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A server instance on the test stack's database, queue and sandbox whose catalog is the sample
 * catalog plus the integration documents of {@code src/test/resources/it-catalog} (REST steps
 * against a test-controlled WireMock on {@code port}).
 */
final class RequestServer {
  private RequestServer() {}

  static LibertyProcess start(String name, int wireMockPort) {
    return start(name, wireMockPort, Map.of());
  }

  /** The same, with further settings ({@code PAO_...} variables) of its own. */
  static LibertyProcess start(String name, int wireMockPort, Map<String, String> settings) {
    LocalStack stack = TestStack.get();
    CatalogRepo repo = CatalogRepo.withSamples(stack.settings().home().resolve(name + "-catalog"));
    Path documents = Path.of("src/test/resources/it-catalog").toAbsolutePath();
    try (Stream<Path> files = Files.walk(documents)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file).replace("WIREMOCK_PORT", String.valueOf(wireMockPort));
        repo.commit(documents.relativize(file).toString(), text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LibertyProcess server = CatalogServer.start(name, repo, settings);
    awaitCatalog(server);
    return server;
  }

  /**
   * Waits until {@code server} serves the integration documents. A (re)started instance first
   * serves the catalog last stored by any instance, which may be another instance's, and replaces
   * it with its own once its start-up sync has run.
   */
  static void awaitCatalog(LibertyProcess server) {
    Api api = new Api(server.baseUrl());
    String token = api.token("catalog-check@example.com", List.of(), List.of());
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                api.get("/api/v1/catalog/it-chain", token).status() == 200
                    && api.get("/api/v1/catalog/it-tickets", token).status() == 200);
  }
}
