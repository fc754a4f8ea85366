package dev.pao.it;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pao.local.LibertyProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An action whose time budget is longer than the watchdog's stuck time: while it runs, its request
 * counts as progressing, and it completes. The server's watchdog sweeps every second and calls a
 * request stuck after 3 s without progress; the action (budget 300 s) takes 8 s.
 */
class LongActionIT {
  private static WireMockServer target;
  private static LibertyProcess server;
  private static Api api;
  private static String ada;

  @BeforeAll
  static void start() {
    target = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    target.start();
    server =
        RequestServer.start(
            "long-actions",
            target.port(),
            Map.of(
                "PAO_REQUESTS_STUCK_AFTER_SECONDS", "3",
                "PAO_REQUESTS_WATCHDOG_SECONDS", "1"));
    api = new Api(server.baseUrl());
    ada = api.token("ada@example.com", List.of("team-data"), List.of());
  }

  @AfterAll
  static void stop() {
    server.stop();
    target.stop();
  }

  @Test
  void anActionRunningLongerThanTheStuckTimeButWithinItsBudgetCompletesItsRequest() {
    target.stubFor(
        post(urlPathEqualTo("/first/long-run"))
            .willReturn(okJson("{\"id\": \"l-1\"}").withFixedDelay(8_000)));
    Api.Answer submitted =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + ada)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \"it-first\","
                            + " \"form_data\": {\"name\": \"long-run\"}}")));
    assertEquals(202, submitted.status(), submitted.raw());
    String id = submitted.json().getJsonObject("data").getString("id");

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> "completed".equals(read(id).getString("status")));

    assertEquals("l-1", read(id).getJsonObject("outputs").getString("firstId"));
    target.verify(1, postRequestedFor(urlPathEqualTo("/first/long-run")));
    List<String> transitions =
        api
            .get("/api/v1/requests/" + id + "/logs", ada)
            .json()
            .getJsonObject("data")
            .getJsonArray("events")
            .stream()
            .map(JsonValue::asJsonObject)
            .filter(event -> event.containsKey("to"))
            .map(event -> event.getString("to"))
            .toList();
    assertEquals(List.of("submitted", "queued", "in_progress", "completed"), transitions);
  }

  private static JsonObject read(String id) {
    return api.get("/api/v1/requests/" + id, ada).json().getJsonObject("data");
  }
}
