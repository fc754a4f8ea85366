package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pao.devctl.CliDriver;
import dev.pao.local.LibertyProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * devctl's offline validation and the server reject the same documents with the same messages at
 * the same places: a sync (refresh) of the devctl server's catalog repository with broken documents
 * added against {@code devctl catalog validate} of the same checkout, and {@code POST
 * /api/v1/tools/validate} against devctl on each document alone.
 */
class DevctlCatalogParityIT {
  private static final Path BROKEN = Path.of("src/test/resources/devctl-broken").toAbsolutePath();

  private static LibertyProcess server;
  private static Api api;
  private static String platform;

  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    server = DevctlServer.get();
    api = new Api(server.baseUrl());
    platform = api.token("parity@example.com", List.of(), List.of("platform"));
    try (Git git = Git.open(DevctlServer.catalogRepository().toFile())) {
      for (Path file : brokenDocuments()) {
        Path copy = DevctlServer.catalogRepository().resolve(BROKEN.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      git.add().addFilepattern(".").call();
      PersonIdent author = new PersonIdent("Catalog author", "author@example.com");
      git.commit()
          .setMessage("Broken documents")
          .setAuthor(author)
          .setCommitter(author)
          .setSign(false)
          .call();
    }
    Api.Answer refreshed =
        api.send(
            api.request("/api/v1/catalog/refresh")
                .header("Authorization", "Bearer " + platform)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, refreshed.status(), refreshed.raw());
  }

  private static List<Path> brokenDocuments() throws IOException {
    try (Stream<Path> files = Files.walk(BROKEN)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void aSyncAndDevctlRejectTheSameDocumentsWithTheSameMessages() {
    Set<String> server = new TreeSet<>();
    for (JsonValue value :
        api.get("/api/v1/catalog/sync", platform)
            .json()
            .getJsonObject("data")
            .getJsonArray("rejected")) {
      JsonObject rejection = value.asJsonObject();
      server.add(
          rejection.getString("file")
              + ":"
              + rejection.getInt("line")
              + ":"
              + rejection.getInt("column")
              + " "
              + rejection.getString("path")
              + ": "
              + rejection.getString("reason"));
    }
    CliDriver.Result result =
        DevctlDriver.of(home, null, null)
            .run("catalog", "validate", "-o", "json", DevctlServer.catalogRepository().toString());
    assertEquals(1, result.exitCode(), result.toString());
    Set<String> devctl = new TreeSet<>();
    Path root = DevctlServer.catalogRepository().toAbsolutePath().normalize();
    for (JsonValue value : parse(result.out()).getJsonArray("errors")) {
      JsonObject error = value.asJsonObject();
      String file =
          root.relativize(Path.of(error.getString("file")).toAbsolutePath().normalize()).toString();
      devctl.add(
          file
              + ":"
              + error.getInt("line")
              + ":"
              + error.getInt("column")
              + " "
              + error.getString("path")
              + ": "
              + error.getString("message"));
    }
    assertFalse(server.isEmpty());
    assertEquals(server, devctl);
  }

  @Test
  void theValidateToolAndDevctlAgreeOnEachDocumentAlone() throws IOException {
    for (Path document : brokenDocuments()) {
      String text = Files.readString(document);
      Api.Answer answer =
          api.send(
              api.request("/api/v1/tools/validate")
                  .header("Authorization", "Bearer " + platform)
                  .header("Content-Type", "application/yaml")
                  .POST(HttpRequest.BodyPublishers.ofString(text)));
      assertEquals(200, answer.status(), answer.raw());
      Set<String> server = new TreeSet<>();
      answer
          .json()
          .getJsonObject("data")
          .getJsonArray("errors")
          .forEach(error -> server.add(described(error.asJsonObject())));

      Path alone = Files.writeString(home.resolve(document.getFileName()), text);
      CliDriver.Result result =
          DevctlDriver.of(home, null, null)
              .run("catalog", "validate", "-o", "json", alone.toString());
      Set<String> devctl = new TreeSet<>();
      parse(result.out())
          .getJsonArray("errors")
          .forEach(error -> devctl.add(described(error.asJsonObject())));
      assertEquals(server, devctl, document.toString());
      assertEquals(server.isEmpty() ? 0 : 1, result.exitCode(), result.toString());
    }
  }

  private static String described(JsonObject error) {
    return error.getInt("line")
        + ":"
        + error.getInt("column")
        + " "
        + error.getString("path")
        + ": "
        + error.getString("message");
  }

  private static JsonObject parse(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
