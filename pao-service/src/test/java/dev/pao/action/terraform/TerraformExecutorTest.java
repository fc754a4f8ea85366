package dev.pao.action.terraform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pao.action.ExecutorFixture;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The terraform executor against a WireMock Terraform Cloud API v2. */
class TerraformExecutorTest {
  @RegisterExtension
  static WireMockExtension tfc =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ExecutorFixture fixture = new ExecutorFixture();

  private final WorkspaceLocks locks = WorkspaceLocks.inProcess();

  private TerraformExecutor executor() {
    return new TerraformExecutor(
        Map.of(
            "default",
            new ServiceInstance("default", URI.create(tfc.baseUrl()), 2, null, "api-token")),
        fixture.secrets,
        fixture.policy,
        locks);
  }

  /** Executes, then checks while the action waits (as the runner's due checks would). */
  private ActionResult toTheEnd(ActionCall call) {
    TerraformExecutor executor = executor();
    ActionResult result = executor.execute(call);
    for (int check = 0; result.waiting() && check < 10; check++) {
      result = executor.check(call, result.awaiting());
    }
    assertFalse(result.waiting(), "still waiting for " + result.awaiting());
    return result;
  }

  private static ActionCall call(Map<String, Object> spec, Duration budget, Set<String> sensitive) {
    return new ActionCall(
        ExecutorFixture.REQUEST,
        2,
        1,
        spec,
        List.of(),
        "corr-tf",
        Instant.now().plus(budget),
        null,
        1,
        sensitive);
  }

  private static Map<String, Object> spec(String workspace) {
    Map<String, Object> spec = new HashMap<>(spec());
    spec.put("workspace", workspace);
    return spec;
  }

  private void noRunsYet() {
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/runs")).willReturn(okJson("{\"data\": []}")));
    tfc.stubFor(
        post(urlPathEqualTo("/api/v2/runs"))
            .willReturn(aResponse().withStatus(201).withBody(run("pending", "PAO x"))));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/runs/run-7")).willReturn(okJson(run("applied", "PAO x"))));
  }

  private void assertNoVariableWritten() {
    tfc.verify(0, patchRequestedFor(urlPathMatching("/api/v2/workspaces/ws-1/vars/.*")));
    tfc.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/workspaces/ws-1/vars")));
    tfc.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/runs")));
  }

  private static Map<String, Object> spec() {
    return Map.of(
        "instance",
        "default",
        "organization",
        "acme",
        "workspace",
        "orders-db",
        "variables",
        Map.of("size", "small", "region", "eu-west-1"),
        "autoApply",
        true,
        "wait",
        true);
  }

  private static String run(String status, String message) {
    return "{\"data\": {\"id\": \"run-7\", \"type\": \"runs\", \"attributes\": {\"status\": \""
        + status
        + "\", \"message\": \""
        + message
        + "\"}}}";
  }

  @BeforeEach
  void workspace() {
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/organizations/acme/workspaces/orders-db"))
            .willReturn(okJson("{\"data\": {\"id\": \"ws-1\", \"type\": \"workspaces\"}}")));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/vars"))
            .willReturn(
                okJson(
                    "{\"data\": [{\"id\": \"var-1\", \"type\": \"vars\", \"attributes\":"
                        + " {\"key\": \"size\", \"value\": \"large\"}}]}")));
    tfc.stubFor(
        patch(urlPathEqualTo("/api/v2/workspaces/ws-1/vars/var-1")).willReturn(okJson("{}")));
    tfc.stubFor(
        post(urlPathEqualTo("/api/v2/workspaces/ws-1/vars"))
            .willReturn(aResponse().withStatus(201).withBody("{}")));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/current-state-version-outputs"))
            .willReturn(
                okJson(
                    "{\"data\": [{\"attributes\": {\"name\": \"endpoint\", \"value\":"
                        + " \"orders.db.internal\", \"sensitive\": false}}, {\"attributes\":"
                        + " {\"name\": \"password\", \"value\": null, \"sensitive\": true}}]}")));
  }

  @Test
  void setsVariablesRunsAppliesAndCapturesOutputs() {
    ActionCall call = fixture.call(spec());
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/runs")).willReturn(okJson("{\"data\": []}")));
    tfc.stubFor(
        post(urlPathEqualTo("/api/v2/runs"))
            .willReturn(aResponse().withStatus(201).withBody(run("pending", "PAO x"))));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/runs/run-7"))
            .inScenario("run")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(run("applying", "PAO x")))
            .willSetStateTo("done"));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/runs/run-7"))
            .inScenario("run")
            .whenScenarioStateIs("done")
            .willReturn(okJson(run("applied", "PAO x"))));

    ActionResult first = executor().execute(call);
    assertTrue(first.waiting(), "a run still pending is waited for, not slept on");
    assertEquals(
        tfc.baseUrl() + "/app/acme/workspaces/orders-db/runs/run-7", first.externalRef().url());
    ActionResult result = executor().check(call, first.awaiting());
    assertTrue(result.waiting(), "applying: one look, still waiting");
    result = executor().check(call, result.awaiting());

    assertEquals("applied", result.document().get("status"));
    assertEquals(
        Map.of("endpoint", "orders.db.internal", "password", "***"),
        result.document().get("outputs"));
    assertEquals(
        tfc.baseUrl() + "/app/acme/workspaces/orders-db/runs/run-7", result.document().get("url"));
    tfc.verify(
        patchRequestedFor(urlPathEqualTo("/api/v2/workspaces/ws-1/vars/var-1"))
            .withRequestBody(matchingJsonPath("$.data.attributes.value", equalTo("small"))));
    tfc.verify(
        postRequestedFor(urlPathEqualTo("/api/v2/workspaces/ws-1/vars"))
            .withRequestBody(matchingJsonPath("$.data.attributes.key", equalTo("region"))));
    tfc.verify(
        postRequestedFor(urlPathEqualTo("/api/v2/runs"))
            .withHeader("Authorization", equalTo("Bearer " + ExecutorFixture.TOKEN))
            .withRequestBody(
                matchingJsonPath(
                    "$.data.attributes.message", equalTo("PAO " + call.idempotencyKey())))
            .withRequestBody(
                matchingJsonPath("$.data.relationships.workspace.data.id", equalTo("ws-1"))));
  }

  @Test
  void aRedeliveryReusesTheRunCarryingItsKey() {
    ActionCall call = fixture.call(spec());
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/runs"))
            .willReturn(
                okJson(
                    "{\"data\": [{\"id\": \"run-7\", \"attributes\": {\"status\": \"applied\","
                        + " \"message\": \"PAO "
                        + call.idempotencyKey()
                        + "\"}}]}")));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/runs/run-7")).willReturn(okJson(run("applied", "PAO"))));
    assertEquals("run-7", executor().execute(call).document().get("runId"));
    tfc.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/runs")));
  }

  @Test
  void anErroredRunFailsTheActionWithItsUrl() {
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/runs")).willReturn(okJson("{\"data\": []}")));
    tfc.stubFor(
        post(urlPathEqualTo("/api/v2/runs"))
            .willReturn(aResponse().withStatus(201).withBody(run("pending", "PAO"))));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/runs/run-7")).willReturn(okJson(run("errored", "PAO"))));
    ActionFailedException failed =
        assertThrows(ActionFailedException.class, () -> toTheEnd(fixture.call(spec())));
    assertTrue(failed.getMessage().contains("/runs/run-7"), failed.getMessage());
  }

  @Test
  void anUnknownWorkspaceFailsTheAction() {
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/organizations/acme/workspaces/orders-db"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"errors\": [{\"status\": \"404\", \"title\": \"not found\"}]}")));
    ActionFailedException failed =
        assertThrows(ActionFailedException.class, () -> executor().execute(fixture.call(spec())));
    assertTrue(failed.getMessage().contains("not found"), failed.getMessage());
  }

  @Test
  void valuesFromSensitiveFieldsAreWrittenAsSensitiveVariables() {
    noRunsYet();
    executor().execute(call(spec(), Duration.ofSeconds(20), Set.of("variables.region")));
    tfc.verify(
        postRequestedFor(urlPathEqualTo("/api/v2/workspaces/ws-1/vars"))
            .withRequestBody(matchingJsonPath("$.data.attributes.key", equalTo("region")))
            .withRequestBody(matchingJsonPath("$.data.attributes.sensitive", equalTo("true"))));
    tfc.verify(
        patchRequestedFor(urlPathEqualTo("/api/v2/workspaces/ws-1/vars/var-1"))
            .withRequestBody(matchingJsonPath("$.data.attributes.sensitive", equalTo("false"))));
  }

  @Test
  void namesThatWouldLeaveTheirPathAreRefusedBeforeAnyCall() {
    for (String workspace : List.of("..", "../other-ws", "orders-db/../../x", "a%2Fb")) {
      ActionFailedException refused =
          assertThrows(
              ActionFailedException.class, () -> executor().execute(fixture.call(spec(workspace))));
      assertTrue(refused.getMessage().contains("is not a Terraform name"), refused.getMessage());
    }
    assertEquals(0, tfc.getAllServeEvents().size());
  }

  @Test
  void anotherRequestsRunStillToPlanKeepsTheVariablesUntouched() {
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/runs"))
            .willReturn(
                okJson(
                    "{\"data\": [{\"id\": \"run-other\", \"attributes\": {\"status\":"
                        + " \"planning\", \"message\": \"PAO pao-someone-else-0-1\"}}]}")));
    ActionResult busy = executor().execute(call(spec(), Duration.ofSeconds(20), Set.of()));
    assertTrue(busy.waiting());
    assertTrue(busy.awaiting().waitingFor().contains("run-other"), busy.awaiting().waitingFor());
    assertNoVariableWritten();
  }

  @Test
  void aWorkspaceLockedByAnotherActionIsWaitedFor() {
    noRunsYet();
    ActionCall call = fixture.call(spec());
    ActionResult busy;
    WorkspaceLocks.Held other = locks.tryLock("terraform:default/ws-1").orElseThrow();
    try {
      busy = executor().execute(call);
      assertTrue(busy.waiting(), "the workspace's lock is waited for as state");
      assertTrue(executor().check(call, busy.awaiting()).waiting(), "still locked");
      assertNoVariableWritten();
    } finally {
      other.close();
    }
    ActionResult result = executor().check(call, busy.awaiting());
    for (int check = 0; result.waiting() && check < 10; check++) {
      result = executor().check(call, result.awaiting());
    }
    assertEquals("applied", result.document().get("status"));
  }

  @Test
  void aRunOfAnotherRequestPastItsPlanDoesNotBlock() {
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/workspaces/ws-1/runs"))
            .willReturn(
                okJson(
                    "{\"data\": [{\"id\": \"run-other\", \"attributes\": {\"status\":"
                        + " \"planned\", \"message\": \"PAO pao-someone-else-0-1\"}}]}")));
    tfc.stubFor(
        post(urlPathEqualTo("/api/v2/runs"))
            .willReturn(aResponse().withStatus(201).withBody(run("pending", "PAO x"))));
    tfc.stubFor(
        get(urlPathEqualTo("/api/v2/runs/run-7")).willReturn(okJson(run("applied", "PAO x"))));
    assertEquals("applied", toTheEnd(fixture.call(spec())).document().get("status"));
  }
}
