package dev.pao.action.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The github-workflow executor against a WireMock GitHub Actions API. */
class GitHubWorkflowExecutorTest {
  @RegisterExtension
  static WireMockExtension github =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String RUNS = "/repos/acme/svc/actions/workflows/provision.yml/runs";
  private static final String DISPATCH =
      "/repos/acme/svc/actions/workflows/provision.yml/dispatches";
  private final ExecutorFixture fixture = new ExecutorFixture();

  private GitHubWorkflowExecutor executor() {
    return new GitHubWorkflowExecutor(
        new GitHubConnections(
            Map.of(
                "default",
                new ServiceInstance("default", URI.create(github.baseUrl()), 3, null, "api-token")),
            fixture.secrets,
            fixture.policy),
        Duration.ofMillis(50));
  }

  private static Map<String, Object> spec(boolean wait) {
    return Map.of(
        "instance", "default",
        "repository", "acme/svc",
        "workflow", "provision.yml",
        "ref", "main",
        "inputs", Map.of("env", "dev"),
        "wait", wait);
  }

  private static String run(String key, String status, String conclusion) {
    return "{\"id\": 901, \"display_title\": \"Provision "
        + key
        + "\", \"status\": \""
        + status
        + "\", \"conclusion\": "
        + (conclusion == null ? "null" : "\"" + conclusion + "\"")
        + ", \"html_url\": \"https://github.com/acme/svc/actions/runs/901\","
        + " \"created_at\": \"2026-01-01T00:00:00Z\"}";
  }

  @Test
  void dispatchesWithTheKeyAndFollowsTheRunToSuccess() {
    ActionCall call = fixture.call(spec(true));
    String key = call.idempotencyKey();
    github.stubFor(
        get(urlPathEqualTo(RUNS))
            .inScenario("dispatch")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"workflow_runs\": []}")));
    github.stubFor(
        post(urlPathEqualTo(DISPATCH))
            .inScenario("dispatch")
            .willReturn(aResponse().withStatus(204))
            .willSetStateTo("dispatched"));
    github.stubFor(
        get(urlPathEqualTo(RUNS))
            .inScenario("dispatch")
            .whenScenarioStateIs("dispatched")
            .willReturn(okJson("{\"workflow_runs\": [" + run(key, "in_progress", null) + "]}")));
    github.stubFor(
        get(urlPathEqualTo("/repos/acme/svc/actions/runs/901"))
            .willReturn(okJson(run(key, "completed", "success"))));

    GitHubWorkflowExecutor executor = executor();
    ActionResult dispatched = executor.execute(call);
    assertTrue(dispatched.waiting(), "the run in progress is waited for, not slept on");
    assertEquals("https://github.com/acme/svc/actions/runs/901", dispatched.externalRef().url());
    assertEquals("901", dispatched.awaiting().text("run_id"));
    ActionResult result = executor.check(call, dispatched.awaiting());

    assertEquals("901", result.document().get("runId"));
    assertEquals("success", result.document().get("conclusion"));
    assertEquals("https://github.com/acme/svc/actions/runs/901", result.document().get("url"));
    github.verify(
        postRequestedFor(urlPathEqualTo(DISPATCH))
            .withRequestBody(matchingJsonPath("$.ref", equalTo("main")))
            .withRequestBody(matchingJsonPath("$.inputs.env", equalTo("dev")))
            .withRequestBody(matchingJsonPath("$.inputs.pao_idempotency_key", equalTo(key))));
    assertEquals(0, fixture.heartbeats.get(), "no worker was held while the run went on");
  }

  @Test
  void aRedeliveryFindsTheRunItStartedAndDoesNotDispatchAgain() {
    ActionCall call = fixture.call(spec(false));
    github.stubFor(
        get(urlPathEqualTo(RUNS))
            .willReturn(
                okJson(
                    "{\"workflow_runs\": [" + run(call.idempotencyKey(), "queued", null) + "]}")));
    ActionResult result = executor().execute(call);
    assertEquals("901", result.document().get("runId"));
    github.verify(0, postRequestedFor(urlPathEqualTo(DISPATCH)));
  }

  @Test
  void aRunConcludingOtherThanSuccessFailsTheActionWithItsUrl() {
    ActionCall call = fixture.call(spec(true));
    github.stubFor(
        get(urlPathEqualTo(RUNS))
            .willReturn(
                okJson(
                    "{\"workflow_runs\": ["
                        + run(call.idempotencyKey(), "completed", "failure")
                        + "]}")));
    ActionFailedException failed =
        assertThrows(ActionFailedException.class, () -> executor().execute(call));
    assertTrue(failed.getMessage().contains("actions/runs/901"), failed.getMessage());
    assertTrue(failed.getMessage().contains("failure"));
  }

  /** A run of the same workflow started just now by someone else: new, but not ours. */
  private static String othersRun() {
    return "{\"id\": 777, \"display_title\": \"Provision pao-other-request-0-1\","
        + " \"status\": \"in_progress\", \"conclusion\": null,"
        + " \"html_url\": \"https://github.com/acme/svc/actions/runs/777\","
        + " \"created_at\": \""
        + Instant.now().plusSeconds(5)
        + "\"}";
  }

  private void othersRunAppearsAfterTheDispatch() {
    github.stubFor(
        get(urlPathEqualTo(RUNS))
            .inScenario("other")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"workflow_runs\": []}")));
    github.stubFor(
        post(urlPathEqualTo(DISPATCH))
            .inScenario("other")
            .willReturn(aResponse().withStatus(204))
            .willSetStateTo("dispatched"));
    github.stubFor(
        get(urlPathEqualTo(RUNS))
            .inScenario("other")
            .whenScenarioStateIs("dispatched")
            .willReturn(okJson("{\"workflow_runs\": [" + othersRun() + "]}")));
  }

  @Test
  void aNewRunWithoutTheKeyIsNotAdopted() {
    othersRunAppearsAfterTheDispatch();
    ActionResult result = executor().execute(fixture.call(spec(false)));
    assertNull(result.document().get("runId"));
    assertNull(result.document().get("url"));
    assertNull(result.externalRef(), "reported as dispatched, without another request's run");
    assertEquals("queued", result.document().get("status"));
  }

  @Test
  void waitingOnAWorkflowWhoseRunNameLacksTheKeyFailsSayingSo() {
    othersRunAppearsAfterTheDispatch();
    ActionCall call = fixture.call(spec(true));
    GitHubWorkflowExecutor executor = executor();
    ActionResult waiting = executor.execute(call);
    for (int look = 1; look < GitHubWorkflowExecutor.LOOKS_FOR_RUN; look++) {
      assertTrue(waiting.waiting(), "looks for its run again at the next check");
      waiting = executor.check(call, waiting.awaiting());
    }
    ActionResult lastLook = waiting;
    ActionFailedException failed =
        assertThrows(ActionFailedException.class, () -> executor.check(call, lastLook.awaiting()));
    assertTrue(failed.getMessage().contains("run-name must contain"), failed.getMessage());
    assertFalse(failed.getMessage().contains("runs/777"), failed.getMessage());
    github.verify(0, getRequestedFor(urlPathEqualTo("/repos/acme/svc/actions/runs/777")));
  }
}
