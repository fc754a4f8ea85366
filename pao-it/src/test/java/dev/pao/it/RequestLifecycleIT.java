package dev.pao.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pao.local.LibertyProcess;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request lifecycle on a real server: a bundle whose second component fails once, the human
 * retry, the audit trail, and JIRA tickets linked blocked-by with a REST output in between.
 */
class RequestLifecycleIT {
  private static WireMockServer target;
  private static LibertyProcess server;
  private static Api api;
  private static String ada;

  @BeforeAll
  static void start() {
    target = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    target.start();
    server = RequestServer.start("requests", target.port());
    api = new Api(server.baseUrl());
    ada = api.token("ada@example.com", List.of("team-data"), List.of());
  }

  @AfterAll
  static void stop() {
    server.stop();
    target.stop();
  }

  private static Api.Answer send(String path, String body, String token, String idempotencyKey) {
    HttpRequest.Builder request =
        api.request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return api.send(request);
  }

  static String submit(String item, String formData) {
    Api.Answer answer =
        send(
            "/api/v1/requests",
            "{\"catalog_item_id\": \"" + item + "\", \"form_data\": " + formData + "}",
            ada,
            null);
    assertEquals(202, answer.status(), answer.raw());
    return answer.json().getJsonObject("data").getString("id");
  }

  static JsonObject awaitStatus(String id, String status) {
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> status.equals(read(id).getString("status")));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("request " + id + " did not become " + status + ": " + read(id), e);
    }
    return read(id);
  }

  static JsonObject read(String id) {
    return api.get("/api/v1/requests/" + id, ada).json().getJsonObject("data");
  }

  @Test
  void aBundleStopsAtTheFailedComponentAndARetryCompletesItWithoutRepeatingWork() {
    // Only this test's request (name flaky-chain) meets the failing second step.
    target.stubFor(post(urlPathMatching("/first/.*")).willReturn(okJson("{\"id\": \"f-1\"}")));
    target.stubFor(post(urlPathMatching("/second/.*")).willReturn(okJson("{\"id\": \"s-0\"}")));
    target.stubFor(
        post(urlPathEqualTo("/second/flaky-chain"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}"))
            .willSetStateTo("recovered"));
    target.stubFor(
        post(urlPathEqualTo("/second/flaky-chain"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"id\": \"s-1\"}")));
    target.stubFor(post(urlPathMatching("/third/.*")).willReturn(okJson("{\"id\": \"t-1\"}")));

    String id = submit("it-chain", "{\"name\": \"flaky-chain\"}");
    JsonObject failed = awaitStatus(id, "failed");
    JsonArray actions = failed.getJsonArray("actions");
    assertEquals("completed", actions.getJsonObject(0).getString("status"));
    assertEquals("failed", actions.getJsonObject(1).getString("status"));
    assertTrue(
        actions.getJsonObject(1).getJsonObject("error").getString("message").contains("HTTP 500"));
    assertEquals("pending", actions.getJsonObject(2).getString("status"), "component 3 untouched");

    Api.Answer preview = send("/api/v1/requests/" + id + "/retry?dry_run=true", "{}", ada, null);
    assertEquals(200, preview.status(), preview.raw());
    JsonArray willRun = preview.json().getJsonObject("data").getJsonArray("will_run");
    assertEquals(2, willRun.size());
    assertEquals(1, willRun.getJsonObject(0).getInt("index"));
    assertEquals("failed", read(id).getString("status"), "a dry run changes nothing");

    assertEquals(
        202,
        send("/api/v1/requests/" + id + "/retry", "{\"reason\": \"fixed\"}", ada, null).status());
    JsonObject completed = awaitStatus(id, "completed");
    assertEquals("f-1", completed.getJsonObject("outputs").getString("firstId"));
    assertEquals("t-1", completed.getJsonObject("outputs").getString("thirdId"));
    target.verify(1, postRequestedFor(urlPathEqualTo("/first/flaky-chain")));
    target.verify(2, postRequestedFor(urlPathEqualTo("/second/flaky-chain")));
    target.verify(1, postRequestedFor(urlPathEqualTo("/third/flaky-chain")));

    JsonArray events =
        api.get("/api/v1/requests/" + id + "/logs", ada)
            .json()
            .getJsonObject("data")
            .getJsonArray("events");
    List<String> transitions =
        events.stream()
            .map(JsonValue::asJsonObject)
            .filter(event -> event.containsKey("to"))
            .map(event -> event.getString("to"))
            .toList();
    assertEquals(
        List.of(
            "submitted",
            "queued",
            "in_progress",
            "failed",
            "retrying",
            "queued",
            "in_progress",
            "completed"),
        transitions);
    JsonObject retry =
        events.stream()
            .map(JsonValue::asJsonObject)
            .filter(event -> "retrying".equals(event.getString("to", "")))
            .findFirst()
            .orElseThrow();
    assertEquals("ada@example.com", retry.getString("actor"));
    assertEquals("fixed", retry.getString("reason"));
  }

  @Test
  void ticketsAreLinkedBlockedByAndARestOutputFeedsTheNextSummary() {
    String id = submit("it-tickets", "{\"name\": \"billing\"}");
    JsonObject done = awaitStatus(id, "completed");
    JsonArray actions = done.getJsonArray("actions");
    String first = actions.getJsonObject(0).getJsonObject("external_ref").getString("key");
    String followup = actions.getJsonObject(2).getJsonObject("external_ref").getString("key");
    assertTrue(first.startsWith("ITS-"), first);
    assertNotEquals(first, followup);
    String lookupId = done.getJsonObject("outputs").getString("lookupId");

    Api sandbox = new Api(TestStack.get().sandbox().baseUrl());
    JsonObject issue =
        sandbox.get("/jira/rest/api/2/issue/" + followup).json().getJsonObject("fields");
    assertEquals("Follow-up for billing (lookup " + lookupId + ")", issue.getString("summary"));
    JsonObject link = issue.getJsonArray("issuelinks").getJsonObject(0);
    assertEquals("Blocks", link.getJsonObject("type").getString("name"));
    assertEquals(first, link.getJsonObject("inwardIssue").getString("key"));

    JsonObject status =
        api.get("/api/v1/requests/" + id + "/status", ada).json().getJsonObject("data");
    assertEquals(2, status.getJsonArray("external").size());
    assertEquals("open", status.getJsonArray("external").getJsonObject(0).getString("fulfilment"));
  }

  @Test
  void aServerKilledWhileAnActionRunsEndsCompletedWithOneIdempotencyKey() {
    target.stubFor(
        post(urlPathEqualTo("/first/crash-run"))
            .willReturn(okJson("{\"id\": \"c-1\"}").withFixedDelay(6_000)));
    String id = submit("it-first", "{\"name\": \"crash-run\"}");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> target.findAll(postRequestedFor(urlPathEqualTo("/first/crash-run"))).size() == 1);
    // Whichever instance runs the action dies mid-call (kill -9), then both come back.
    server.kill();
    TestStack.get().server().kill();
    TestStack.get().server().start(Duration.ofMinutes(3));
    server.start(Duration.ofMinutes(3));
    TestStack.awaitCatalog(TestStack.get().server(), "kafka-topic");
    TestStack.awaitCatalog(server, "it-chain", "it-tickets");

    JsonObject done = awaitStatus(id, "completed");
    assertEquals("c-1", done.getJsonObject("outputs").getString("firstId"));
    List<String> keys =
        target.findAll(postRequestedFor(urlPathEqualTo("/first/crash-run"))).stream()
            .map(call -> call.getHeader("Idempotency-Key"))
            .distinct()
            .toList();
    assertEquals(1, keys.size(), "every call of the attempt carries the same idempotency key");
    JsonArray attempts =
        api.get("/api/v1/requests/" + id + "/logs", ada)
            .json()
            .getJsonObject("data")
            .getJsonArray("attempts");
    assertEquals(
        "completed",
        attempts.getJsonObject(attempts.size() - 1).getString("outcome"),
        attempts.toString());
  }

  @Test
  void anOutageBacksOffThenTheRetryOfTheStuckRequestReusesTheUnknownAttemptsKey() {
    String path = "/first/outage-run";
    target.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    String id = submit("it-first", "{\"name\": \"outage-run\"}");

    JsonObject stuck = awaitStatus(id, "stuck");
    assertTrue(stuck.getString("status_reason", "").contains("dead-letter"), stuck.toString());
    List<Instant> calls =
        target.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
            .map(call -> call.getLoggedDate().toInstant())
            .toList();
    assertEquals(3, calls.size(), "one call per receive");
    assertTrue(
        Duration.between(calls.get(0), calls.get(1)).compareTo(Duration.ofMillis(1900)) >= 0,
        "backed off 2 s after the first receive: " + calls);
    assertTrue(
        Duration.between(calls.get(1), calls.get(2)).compareTo(Duration.ofMillis(3900)) >= 0,
        "backed off 4 s after the second receive: " + calls);

    // The outcome of the dead-lettered attempt is unknown: the retry looks for what it created.
    target.stubFor(post(urlPathEqualTo(path)).willReturn(okJson("{\"id\": \"o-1\"}")));
    assertEquals(202, send("/api/v1/requests/" + id + "/retry", "{}", ada, null).status());
    awaitStatus(id, "completed");
    List<String> keys =
        target.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
            .map(call -> call.getHeader("Idempotency-Key"))
            .distinct()
            .toList();
    assertEquals(List.of("pao-" + id + "-0-1"), keys);
  }

  @Test
  void invalidFormDataListsEveryProblem() {
    Api.Answer answer =
        send(
            "/api/v1/requests",
            "{\"catalog_item_id\": \"it-chain\", \"form_data\": {\"name\": \"X!\", \"extra\": 1}}",
            ada,
            null);
    assertEquals(400, answer.status(), answer.raw());
    JsonArray details = answer.json().getJsonObject("error").getJsonArray("details");
    List<String> fields =
        details.stream().map(d -> d.asJsonObject().getString("field")).sorted().toList();
    assertEquals(List.of("extra", "name"), fields);
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameRequestAndRefusesAnotherBody() {
    target.stubFor(post(urlPathMatching("/first/.*")).willReturn(okJson("{\"id\": \"f-2\"}")));
    String body = "{\"catalog_item_id\": \"it-first\", \"form_data\": {\"name\": \"idem-one\"}}";
    Api.Answer first = send("/api/v1/requests", body, ada, "key-it-1");
    Api.Answer again = send("/api/v1/requests", body, ada, "key-it-1");
    assertEquals(202, first.status(), first.raw());
    assertEquals(
        first.json().getJsonObject("data").getString("id"),
        again.json().getJsonObject("data").getString("id"));
    Api.Answer other =
        send("/api/v1/requests", body.replace("idem-one", "idem-two"), ada, "key-it-1");
    assertEquals(422, other.status(), other.raw());
    assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
  }

  @Test
  void othersSeeNothingTeammatesAndAdminsSeeTheRequest() {
    target.stubFor(post(urlPathMatching("/first/.*")).willReturn(okJson("{\"id\": \"f-1\"}")));
    String id = submit("it-first", "{\"name\": \"visible\"}");
    String stranger = api.token("eve@example.com", List.of("team-other"), List.of());
    String teammate = api.token("bob@example.com", List.of("team-data"), List.of());
    String admin = api.token("root@example.com", List.of(), List.of("admin"));
    assertEquals(404, api.get("/api/v1/requests/" + id, stranger).status());
    assertEquals(200, api.get("/api/v1/requests/" + id, teammate).status());
    assertEquals(200, api.get("/api/v1/requests/" + id, admin).status());
    List<String> listed =
        api
            .get("/api/v1/requests?fields=id,status&limit=200", stranger)
            .json()
            .getJsonArray("data")
            .stream()
            .map(r -> r.asJsonObject().getString("id"))
            .toList();
    assertTrue(!listed.contains(id), "strangers do not list it");
  }

  @Test
  void decisionsOnACompletedRequestAreInvalidState() {
    target.stubFor(post(urlPathMatching("/first/.*")).willReturn(okJson("{\"id\": \"f-9\"}")));
    String id = submit("it-first", "{\"name\": \"finished\"}");
    awaitStatus(id, "completed");
    for (String decision : List.of("retry", "abort", "escalate")) {
      Api.Answer answer = send("/api/v1/requests/" + id + "/" + decision, "{}", ada, null);
      assertEquals(409, answer.status(), decision + ": " + answer.raw());
      assertEquals("INVALID_STATE", answer.errorCode());
    }
  }

  @Test
  void aFailedRequestCanBeEscalatedWithAReason() {
    target.stubFor(
        post(urlPathMatching("/first/broken-.*")).willReturn(aResponse().withStatus(400)));
    String id = submit("it-first", "{\"name\": \"broken-one\"}");
    awaitStatus(id, "failed");
    Api.Answer escalated =
        send("/api/v1/requests/" + id + "/escalate", "{\"reason\": \"needs DBA\"}", ada, null);
    assertEquals(200, escalated.status(), escalated.raw());
    assertEquals("escalated", escalated.json().getJsonObject("data").getString("status"));
    assertEquals("needs DBA", escalated.json().getJsonObject("data").getString("status_reason"));
  }
}
