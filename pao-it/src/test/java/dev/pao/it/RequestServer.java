package dev.pao.it;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    LibertyProcess server = start(name, wireMockPort, settings, "it-catalog");
    // The first catalog sync runs after start-up; wait until it serves the integration documents.
    TestStack.awaitCatalog(server, "it-chain", "it-tickets");
    return server;
  }

  /**
   * A server whose catalog is the sample catalog plus the documents of {@code
   * src/test/resources/<folder>} ({@code WIREMOCK_PORT} in them replaced by {@code wireMockPort}).
   */
  static LibertyProcess start(
      String name, int wireMockPort, Map<String, String> settings, String folder) {
    LocalStack stack = TestStack.get();
    CatalogRepo repo = CatalogRepo.withSamples(stack.settings().home().resolve(name + "-catalog"));
    Path documents = Path.of("src/test/resources", folder).toAbsolutePath();
    try (Stream<Path> files = Files.walk(documents)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file).replace("WIREMOCK_PORT", String.valueOf(wireMockPort));
        repo.commit(documents.relativize(file).toString(), text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CatalogServer.start(name, repo, settings);
  }
}
