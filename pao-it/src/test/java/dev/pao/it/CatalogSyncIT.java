package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LibertyProcess;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Catalog synchronisation against a real git repository in a temp folder: signed webhooks, forged
 * ones, broken commits and the refresh endpoint, on a server that reads that repository, and a
 * second instance on the same repository that must serve what the first synced.
 */
class CatalogSyncIT {
  private static CatalogRepo repo;
  private static LibertyProcess server;
  private static LibertyProcess follower;
  private static Api api;
  private static String platform;

  @BeforeAll
  static void start() {
    Path home = Path.of(System.getProperty("pao.it.home", "target/it-stack")).getParent();
    repo = CatalogRepo.withSamples(home.resolve("sync-it-repo").toAbsolutePath());
    server = CatalogServer.start("liberty-catalog-sync", repo);
    follower = CatalogServer.start("liberty-catalog-follower", repo);
    api = new Api(server.baseUrl());
    platform = TestStack.api().token("pat@example.com", List.of("platform"), List.of("platform"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/api/v1/catalog/sync", platform).status() == 200);
    // The follower adopts notified syncs once its own start-up sync (which validates every
    // document, compiling the policies' conditions) has finished: wait for that.
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                java.nio.file.Files.exists(follower.consoleLog())
                    && java.nio.file.Files.readString(follower.consoleLog())
                        .contains("Catalog sync (startup)"));
  }

  @AfterAll
  static void stop() {
    server.stop();
    follower.stop();
  }

  private static JsonObject item(String id) {
    Api.Answer answer = api.get("/api/v1/catalog/" + id, platform);
    assertEquals(200, answer.status(), answer.raw());
    return answer.json().getJsonObject("data");
  }

  private static Api.Answer refresh(String token) {
    return api.send(
        api.request("/api/v1/catalog/refresh")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void aSignedPushServesTheNewVersion() {
    String path = "catalog/compute/vm-instance.yaml";
    String sha =
        repo.commit(path, repo.read(path).replaceFirst("version: [0-9.]+", "version: 1.7.0"));
    String body = Webhooks.push("refs/heads/main", path);
    Api.Answer answer =
        Webhooks.send(api, body, Webhooks.signature(CatalogServer.WEBHOOK_SECRET, body));
    assertEquals(200, answer.status(), answer.raw());
    assertEquals("synced", answer.json().getJsonObject("data").getString("status"));
    JsonObject vm = item("vm-instance");
    assertEquals("1.7.0", vm.getString("version"));
    assertEquals(sha, vm.getString("commit"));
  }

  @Test
  void anotherInstanceServesWhatAWebhookToOneSyncedWithinSeconds() {
    String path = "catalog/compute/vm-instance.yaml";
    String sha =
        repo.commit(path, repo.read(path).replaceFirst("version: [0-9.]+", "version: 1.8.0"));
    String body = Webhooks.push("refs/heads/main", path);
    assertEquals(
        200,
        Webhooks.send(api, body, Webhooks.signature(CatalogServer.WEBHOOK_SECRET, body)).status());
    long synced = System.nanoTime();
    Api other = new Api(follower.baseUrl());
    // Told by a notification; the periodic look (10 s) is the fallback this bound excludes.
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Api.Answer answer = other.get("/api/v1/catalog/vm-instance", platform);
              return answer.status() == 200
                  && sha.equals(answer.json().getJsonObject("data").getString("commit"));
            });
    System.out.printf(
        "catalog served by the other instance %d ms after the sync%n",
        Duration.ofNanos(System.nanoTime() - synced).toMillis());
    assertEquals(
        "1.8.0",
        other
            .get("/api/v1/catalog/vm-instance", platform)
            .json()
            .getJsonObject("data")
            .getString("version"));
  }

  @Test
  void aForgedSignatureAnswers401AndChangesNothing() {
    String path = "catalog/databases/redis-cache.yaml";
    String before = item("redis-cache").getString("version");
    repo.commit(path, repo.read(path).replaceFirst("version: [0-9.]+", "version: 9.9.9"));
    String body = Webhooks.push("refs/heads/main", path);
    for (String forged :
        new String[] {Webhooks.signature("not-the-secret", body), null, "sha256=00"}) {
      Api.Answer answer = Webhooks.send(api, body, forged);
      assertEquals(401, answer.status(), answer.raw());
      assertEquals("UNAUTHENTICATED", answer.errorCode());
    }
    assertEquals(before, item("redis-cache").getString("version"));
  }

  @Test
  void pushesToOtherBranchesAndOutsideTheCatalogAreIgnored() {
    for (String body :
        new String[] {
          Webhooks.push("refs/heads/feature", "catalog/compute/vm-instance.yaml"),
          Webhooks.push("refs/heads/main", "docs/README.md")
        }) {
      Api.Answer answer =
          Webhooks.send(api, body, Webhooks.signature(CatalogServer.WEBHOOK_SECRET, body));
      assertEquals(200, answer.status(), answer.raw());
      assertEquals("ignored", answer.json().getJsonObject("data").getString("status"));
    }
  }

  @Test
  void aBrokenDocumentIsRejectedWithItsLineAndTheOldVersionStaysServed() {
    String path = "catalog/messaging/kafka-topic.yaml";
    String servedVersion = item("kafka-topic").getString("version");
    String broken =
        repo.read(path)
            .replaceFirst("version: [0-9.]+", "version: 5.0.0")
            .replace("{{.current.partitions}}", "{{.current.partitionz}}");
    repo.commit(path, broken);
    Api.Answer answer = refresh(platform);
    assertEquals(200, answer.status(), answer.raw());
    JsonObject rejection =
        answer.json().getJsonObject("data").getJsonArray("rejected").stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("file").equals(path))
            .findFirst()
            .orElseThrow(() -> new AssertionError(answer.raw()));
    int line = lineOf(broken, "partitionz");
    assertEquals(line, rejection.getInt("line"), rejection.toString());
    assertEquals(
        broken.split("\n", -1)[line - 1].indexOf("{{.current.partitionz") + 1,
        rejection.getInt("column"),
        rejection.toString());
    assertTrue(rejection.getString("reason").contains("partitionz"), rejection.toString());
    assertEquals(servedVersion, item("kafka-topic").getString("version"));
    JsonObject sync = api.get("/api/v1/catalog/sync", platform).json().getJsonObject("data");
    assertTrue(sync.getJsonArray("rejected").toString().contains(path), sync.toString());
    repo.commit(path, broken.replace("partitionz", "partitions"));
  }

  @Test
  void refreshNeedsThePlatformRole() {
    String developer = TestStack.api().token("dev@example.com", List.of("team-data"), List.of());
    Api.Answer answer = refresh(developer);
    assertEquals(403, answer.status(), answer.raw());
    assertEquals("FORBIDDEN", answer.errorCode());
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle);
  }
}
