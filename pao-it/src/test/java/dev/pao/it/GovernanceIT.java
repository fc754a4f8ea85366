package dev.pao.it;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pao.local.LibertyProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Governance declared in the catalog, against a real server: an item restricted to a team, an
 * approval in production (never by the requester), a rejection, an approval timeout that escalates,
 * a quota, an auto-approve rule and an allowed-values rule of {@code policies/}; the audit trail
 * names each decision. The documents are in {@code src/test/resources/governance-catalog}.
 */
class GovernanceIT {
  private static WireMockServer target;
  private static LibertyProcess server;
  private static Api api;

  @BeforeAll
  static void start() {
    target = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    target.start();
    target.stubFor(post(urlPathMatching("/gov/.*")).willReturn(okJson("{\"id\": \"g-1\"}")));
    server =
        RequestServer.start(
            "governance",
            target.port(),
            Map.of("PAO_APPROVALS_SWEEP_SECONDS", "1"),
            "governance-catalog");
    api = new Api(server.baseUrl());
    TestStack.awaitCatalog(server, "gov-approved", "gov-quota", "gov-timeout", "gov-restricted");
  }

  @AfterAll
  static void stop() {
    server.stop();
    target.stop();
  }

  @Test
  void aRestrictedItemRefusesAnOutsiderNamingTheRuleAndAcceptsAMember() {
    String outsider = token("outsider", "team-data");
    Api.Answer refused = submit(outsider, "gov-restricted", "{\"name\": \"nope\"}");
    assertEquals(403, refused.status(), refused.raw());
    assertEquals("FORBIDDEN", refused.errorCode());
    assertTrue(refused.raw().contains("gov-restricted/spec.access"), refused.raw());
    JsonObject shown =
        api.get("/api/v1/catalog/gov-restricted", outsider)
            .json()
            .getJsonObject("data")
            .getJsonObject("access");
    assertFalse(shown.getBoolean("allowed"));
    assertTrue(shown.getString("reason").contains("team-ops"), shown.toString());

    String member = token("member", "team-ops");
    assertTrue(
        api.get("/api/v1/catalog/gov-restricted", member)
            .json()
            .getJsonObject("data")
            .getJsonObject("access")
            .getBoolean("allowed"));
    String id = id(submit(member, "gov-restricted", "{\"name\": \"ops-call\"}"));
    awaitStatus(id, member, "completed");
  }

  @Test
  void aProductionRequestWaitsForAnApproverWhoIsNotTheRequester() {
    String requester = token("requester", "team-data");
    String approver = token("approver", "team-approvers");
    String stranger = token("stranger", "team-elsewhere");
    String id =
        id(
            submit(
                requester,
                "gov-approved",
                "{\"name\": \"prod-call\", \"environment\": \"production\"}"));
    assertEquals("awaiting_approval", status(id, requester));

    Api.Answer own = decide(requester, id, "approve", "{}");
    assertEquals(403, own.status(), own.raw());
    assertTrue(own.raw().contains("own request"), own.raw());
    assertEquals(404, decide(stranger, id, "approve", "{}").status(), "not visible, no approver");
    assertFalse(waitingFor(requester).contains(id));
    assertTrue(waitingFor(approver).contains(id));

    Api.Answer approved = decide(approver, id, "approve", "{\"reason\": \"looks fine\"}");
    assertEquals(200, approved.status(), approved.raw());
    awaitStatus(id, requester, "completed");
    assertFalse(waitingFor(approver).contains(id));
    List<String> events = eventTypes(id, requester);
    assertTrue(events.contains("request.awaiting_approval"), events.toString());
    assertTrue(events.indexOf("request.queued") > events.indexOf("request.awaiting_approval"));

    String development =
        id(
            submit(
                requester,
                "gov-approved",
                "{\"name\": \"dev-call\", \"environment\": \"development\"}"));
    awaitStatus(development, requester, "completed");
    assertFalse(eventTypes(development, requester).contains("request.awaiting_approval"));
  }

  @Test
  void aRejectionNeedsAReasonAndEndsTheRequest() {
    String requester = token("hopeful", "team-data");
    String approver = token("gatekeeper", "team-approvers");
    String id =
        id(
            submit(
                requester,
                "gov-approved",
                "{\"name\": \"risky\", \"environment\": \"production\"}"));
    Api.Answer noReason = decide(approver, id, "reject", "{}");
    assertEquals(400, noReason.status(), noReason.raw());
    assertEquals("awaiting_approval", status(id, requester));

    Api.Answer rejected = decide(approver, id, "reject", "{\"reason\": \"not in a freeze\"}");
    assertEquals(200, rejected.status(), rejected.raw());
    assertEquals("rejected", status(id, requester));
    // Decided: only those who may see the request learn that it is no longer awaiting approval.
    assertEquals(404, decide(token("second", "team-approvers"), id, "approve", "{}").status());
    Api.Answer late = decide(requester, id, "approve", "{}");
    assertEquals(409, late.status(), late.raw());
    assertEquals("INVALID_STATE", late.errorCode());
    assertEquals(
        0,
        target
            .findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    urlPathMatching("/gov/risky")))
            .size(),
        "nothing ran");
  }

  @Test
  void anApprovalNobodyGivesEscalatesAfterItsTimeout() {
    String requester = token("patient", "team-data");
    String id = id(submit(requester, "gov-timeout", "{\"name\": \"forgotten\"}"));
    assertEquals("awaiting_approval", status(id, requester));
    awaitStatus(id, requester, "escalated");
    JsonObject escalated =
        events(id, requester).stream()
            .filter(event -> "request.escalated".equals(event.getString("event_type")))
            .findFirst()
            .orElseThrow();
    assertEquals("approval-timeout", escalated.getString("actor"), escalated.toString());
  }

  @Test
  void aQuotaRefusesTheNextOpenRequestNamingTheRule() {
    String team = "team-q" + UUID.randomUUID().toString().substring(0, 8);
    String first = token("first", team);
    assertEquals(202, submit(first, "gov-quota", "{\"name\": \"one\"}").status());
    assertEquals(202, submit(token("second", team), "gov-quota", "{\"name\": \"two\"}").status());
    Api.Answer third = submit(first, "gov-quota", "{\"name\": \"three\"}");
    assertEquals(403, third.status(), third.raw());
    assertTrue(third.raw().contains("gov-quota-limits/two-open-per-team"), third.raw());
    assertTrue(third.raw().contains("at most 2"), third.raw());
    assertEquals(
        202,
        submit(token("other", team + "-other"), "gov-quota", "{\"name\": \"elsewhere\"}").status(),
        "another team has a quota of its own");
  }

  @Test
  void policiesAutoApproveAndRestrictValuesNamingTheirRule() {
    String requester = token("automator", "team-data");
    String id =
        id(
            submit(
                requester,
                "gov-approved",
                "{\"name\": \"auto-deploy\", \"environment\": \"production\", \"size\": \"large\"}"));
    awaitStatus(id, requester, "completed");
    JsonObject submitted = events(id, requester).get(0);
    assertEquals("request.submitted", submitted.getString("event_type"));
    assertEquals(
        "gov-approved-rules/auto-named-production-auto-approved",
        submitted.getJsonObject("payload").getString("auto_approved_by"),
        submitted.toString());

    Api.Answer large =
        submit(
            token("outsider-large", "team-web"),
            "gov-approved",
            "{\"name\": \"big\", \"size\": \"large\"}");
    assertEquals(403, large.status(), large.raw());
    assertTrue(large.raw().contains("gov-approved-rules/large-for-data-team-only"), large.raw());
  }

  private static String token(String name, String team) {
    return api.token(name + "@example.com", List.of(team), List.of());
  }

  private static Api.Answer submit(String token, String item, String formData) {
    return api.send(
        api.request("/api/v1/requests")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"catalog_item_id\": \"" + item + "\", \"form_data\": " + formData + "}")));
  }

  private static Api.Answer decide(String token, String id, String decision, String body) {
    return api.send(
        api.request("/api/v1/requests/" + id + "/" + decision)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String id(Api.Answer submitted) {
    assertEquals(202, submitted.status(), submitted.raw());
    return submitted.json().getJsonObject("data").getString("id");
  }

  private static String status(String id, String token) {
    return api.get("/api/v1/requests/" + id + "?fields=status", token)
        .json()
        .getJsonObject("data")
        .getString("status");
  }

  private static void awaitStatus(String id, String token, String expected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> expected.equals(status(id, token)));
  }

  private static List<String> waitingFor(String token) {
    return api.get("/api/v1/approvals?limit=200", token).json().getJsonArray("data").stream()
        .map(entry -> entry.asJsonObject().getString("request_id"))
        .toList();
  }

  private static List<JsonObject> events(String id, String token) {
    return api
        .get("/api/v1/requests/" + id + "/logs", token)
        .json()
        .getJsonObject("data")
        .getJsonArray("events")
        .stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private static List<String> eventTypes(String id, String token) {
    return events(id, token).stream().map(event -> event.getString("event_type")).toList();
  }
}
