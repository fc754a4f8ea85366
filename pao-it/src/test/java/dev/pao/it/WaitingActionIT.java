package dev.pao.it;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pao.local.LibertyProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code wait: true} workflow action holds no worker: with the queue bridge's concurrency at 1,
 * another request completes while the first waits; the wait lasts longer than the stuck limit (2 s)
 * without the request becoming stuck, and completes with its outputs once the run concludes. A
 * waiting request can be aborted. The servers already on the test stack's queue are stopped
 * meanwhile (and started again after), so this server, with its one worker, is the only one.
 */
class WaitingActionIT {
  private static WireMockServer target;
  private static WorkflowStub github;
  private static LibertyProcess server;
  private static Api api;
  private static String ada;
  private static List<LibertyProcess> others;

  @BeforeAll
  static void start() throws IOException {
    others = TestStack.runningServers();
    others.forEach(LibertyProcess::stop);
    target = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    target.start();
    target.stubFor(post(urlPathMatching("/first/.*")).willReturn(okJson("{\"id\": \"f-1\"}")));
    github = new WorkflowStub();
    server =
        RequestServer.start(
            "waiting-actions",
            target.port(),
            Map.of(
                "PAO_QUEUE_MAX_CONCURRENCY", "1",
                "PAO_ACTIONS_WAIT_CHECK_SECONDS", "1",
                "PAO_REQUESTS_STUCK_AFTER_SECONDS", "2",
                "PAO_REQUESTS_WATCHDOG_SECONDS", "1",
                "PAO_GITHUB_INSTANCES", "default",
                "PAO_GITHUB_DEFAULT_URL", github.baseUrl(),
                "PAO_SECRET_GITHUB_DEFAULT_TOKEN", "it-github-token"));
    api = new Api(server.baseUrl());
    ada = api.token("ada@example.com", List.of("team-data"), List.of());
  }

  @AfterAll
  static void stop() {
    server.stop();
    target.stop();
    github.close();
    others.forEach(other -> other.start(Duration.ofMinutes(3)));
  }

  @Test
  void aWaitLongerThanTheStuckLimitHoldsNoWorkerAndCompletesWithItsOutputs() {
    String waiting = submit("it-workflow", "long-wait");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "waiting".equals(action(waiting).getString("status")));
    JsonObject action = action(waiting);
    assertTrue(
        action.getString("waiting_for").contains("actions/runs/"), action.getString("waiting_for"));
    assertTrue(action.getJsonObject("external_ref").getString("url").contains("actions/runs/"));

    String other = submit("it-first", "meanwhile");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "completed".equals(read(other).getString("status")));
    assertEquals("in_progress", read(waiting).getString("status"), "the only worker was free");

    // Four looks a second apart: the wait has lasted past the stuck limit.
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> github.statusReads("long-wait") >= 4);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          github.statusReads("long-wait")
              + " looks; the request: "
              + read(waiting)
              + "; its logs: "
              + api.get("/api/v1/requests/" + waiting + "/logs", ada).raw(),
          e);
    }
    assertEquals("in_progress", read(waiting).getString("status"));
    github.conclude("long-wait");

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "completed".equals(read(waiting).getString("status")));
    JsonObject outputs = read(waiting).getJsonObject("outputs");
    assertEquals("success", outputs.getString("conclusion"));
    assertTrue(outputs.getString("runUrl").contains("/it/long-wait/actions/runs/"));
    List<JsonObject> events = events(waiting);
    assertEquals(
        List.of("submitted", "queued", "in_progress", "completed"),
        events.stream().filter(e -> e.containsKey("to")).map(e -> e.getString("to")).toList(),
        "never stuck");
    assertEquals(
        1,
        events.stream().filter(e -> "action.waiting".equals(e.getString("event_type"))).count(),
        "one event when the wait started, none per look");
  }

  @Test
  void aWaitingRequestCanBeAbortedAndItsWaitIsDropped() {
    String waiting = submit("it-workflow", "given-up");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "waiting".equals(action(waiting).getString("status")));

    Api.Answer aborted =
        api.send(
            api.request("/api/v1/requests/" + waiting + "/abort")
                .header("Authorization", "Bearer " + ada)
                .POST(HttpRequest.BodyPublishers.noBody()));
    // A check may have the action up for the moment it looks: then abort answers 409; again.
    if (aborted.status() == 409) {
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  api.send(
                              api.request("/api/v1/requests/" + waiting + "/abort")
                                  .header("Authorization", "Bearer " + ada)
                                  .POST(HttpRequest.BodyPublishers.noBody()))
                          .status()
                      == 200);
    } else {
      assertEquals(200, aborted.status(), aborted.raw());
    }

    assertEquals("aborted", read(waiting).getString("status"));
    JsonObject action = action(waiting);
    assertEquals("failed", action.getString("status"));
    assertTrue(
        action.getJsonObject("error").getString("message").contains("aborted while the action"),
        action.toString());
  }

  private static String submit(String item, String name) {
    Api.Answer submitted =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + ada)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \""
                            + item
                            + "\", \"form_data\": {\"name\": \""
                            + name
                            + "\"}}")));
    assertEquals(202, submitted.status(), submitted.raw());
    return submitted.json().getJsonObject("data").getString("id");
  }

  private static JsonObject read(String id) {
    return api.get("/api/v1/requests/" + id, ada).json().getJsonObject("data");
  }

  private static JsonObject action(String id) {
    return read(id).getJsonArray("actions").getJsonObject(0);
  }

  private static List<JsonObject> events(String id) {
    return api
        .get("/api/v1/requests/" + id + "/logs", ada)
        .json()
        .getJsonObject("data")
        .getJsonArray("events")
        .stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }
}
