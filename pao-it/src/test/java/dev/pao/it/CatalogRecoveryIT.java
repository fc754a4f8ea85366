package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.local.LibertyProcess;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** With its repository gone, a restarted server serves the catalog from the database. */
class CatalogRecoveryIT {
  private static LibertyProcess server;

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aRestartWithTheRepositoryGoneServesTheStoredCatalog() {
    Path home = Path.of(System.getProperty("pao.it.home", "target/it-stack")).getParent();
    CatalogRepo repo = CatalogRepo.withSamples(home.resolve("recovery-it-repo").toAbsolutePath());
    String path = "catalog/access/vpn-access.yaml";
    String sha =
        repo.commit(path, repo.read(path).replaceFirst("version: [0-9.]+", "version: 4.2.0"));
    server = CatalogServer.start("liberty-catalog-recovery", repo);
    Api api = new Api(server.baseUrl());
    String token = TestStack.api().token("dev@example.com", List.of("team-data"), List.of());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> sha.equals(syncOf(api, token).getString("commit", "")));

    server.stop();
    repo.delete();
    server.start(Duration.ofMinutes(3));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "failed".equals(syncOf(api, token).getString("status", "")));
    JsonObject sync = syncOf(api, token);
    assertEquals("database", sync.getString("source"), sync.toString());
    Api.Answer item = api.get("/api/v1/catalog/vpn-access", token);
    assertEquals(200, item.status(), item.raw());
    assertEquals("4.2.0", item.json().getJsonObject("data").getString("version"));
    Api.Answer list = api.get("/api/v1/catalog?limit=200", token);
    assertEquals(
        11, list.json().getJsonArray("data").size(), "every sample item and bundle: " + list.raw());
  }

  private static JsonObject syncOf(Api api, String token) {
    Api.Answer answer = api.get("/api/v1/catalog/sync", token);
    return answer.status() == 200
        ? answer.json().getJsonObject("data")
        : jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
  }
}
