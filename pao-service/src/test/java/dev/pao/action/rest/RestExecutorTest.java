package dev.pao.action.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pao.action.ExecutorFixture;
import dev.pao.action.http.HostPolicy;
import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.TransientActionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rest executor against a WireMock endpoint. */
class RestExecutorTest {
  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ExecutorFixture fixture = new ExecutorFixture();
  private final RestExecutor executor = new RestExecutor(fixture.secrets, fixture.policy);

  @Test
  void sendsAMapBodyAsJsonWithHeadersAuthAndIdempotencyKey() {
    target.stubFor(
        post(urlPathEqualTo("/v1/namespaces"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Resource-Id", "ns-7")
                    .withBody("{\"id\": \"ns-7\", \"ready\": true}")));
    ActionResult result =
        executor.execute(
            fixture.call(
                Map.of(
                    "method", "post",
                    "url", target.baseUrl() + "/v1/namespaces",
                    "headers", Map.of("X-Team", "team-data"),
                    "body", Map.of("name", "say \"hi\"\nbye", "size", 3),
                    "auth", Map.of("secret", "api-token"))));
    assertEquals(201L, ((Number) result.document().get("status")).longValue());
    assertEquals(Map.of("id", "ns-7", "ready", true), result.document().get("body"));
    assertEquals("ns-7", ((Map<?, ?>) result.document().get("headers")).get("x-resource-id"));
    target.verify(
        postRequestedFor(urlPathEqualTo("/v1/namespaces"))
            .withHeader("Authorization", equalTo("Bearer " + ExecutorFixture.TOKEN))
            .withHeader("X-Team", equalTo("team-data"))
            .withHeader("Idempotency-Key", equalTo(fixture.call(Map.of()).idempotencyKey()))
            .withHeader("X-Correlation-ID", equalTo("corr-test-1"))
            .withRequestBody(equalToJson("{\"name\": \"say \\\"hi\\\"\\nbye\", \"size\": 3}")));
  }

  @Test
  void aRawStringBodyIsSentAsWritten() {
    target.stubFor(put(urlPathEqualTo("/raw")).willReturn(aResponse().withStatus(204)));
    executor.execute(
        fixture.call(
            Map.of(
                "method",
                "PUT",
                "url",
                target.baseUrl() + "/raw",
                "headers",
                Map.of("Content-Type", "text/plain"),
                "body",
                "plain text",
                "auth",
                Map.of("secret", "api-token", "scheme", "header", "header", "X-Api-Key"))));
    target.verify(
        putRequestedFor(urlPathEqualTo("/raw"))
            .withHeader("X-Api-Key", equalTo(ExecutorFixture.TOKEN))
            .withRequestBody(equalTo("plain text")));
  }

  @Test
  void aStatusOutsideTheSuccessCodesFailsTheActionAfterTheCall() {
    target.stubFor(
        post(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(500).withBody("boom")));
    ActionFailedException failed =
        assertThrows(
            ActionFailedException.class,
            () ->
                executor.execute(
                    fixture.call(Map.of("url", target.baseUrl() + "/x", "body", "{}"))));
    assertTrue(failed.getMessage().contains("HTTP 500"), failed.getMessage());
    assertEquals(500, failed.details().get("http_status"));
  }

  @Test
  void successCodesCanBeListedAndRanged() {
    target.stubFor(post(urlPathEqualTo("/y")).willReturn(aResponse().withStatus(409)));
    ActionResult result =
        executor.execute(
            fixture.call(
                Map.of(
                    "url",
                    target.baseUrl() + "/y",
                    "body",
                    "{}",
                    "successCodes",
                    List.of(200, "400-409"))));
    assertEquals(409, ((Number) result.document().get("status")).intValue());
  }

  @Test
  void noResponseIsTransient() {
    target.stubFor(
        post(urlPathEqualTo("/reset"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThrows(
        TransientActionException.class,
        () ->
            executor.execute(
                fixture.call(Map.of("url", target.baseUrl() + "/reset", "body", "{}"))));
  }

  @Test
  void aSlowTargetTimesOutWithinTheBudgetAsTransient() {
    target.stubFor(post(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(3000)));
    assertThrows(
        TransientActionException.class,
        () ->
            executor.execute(
                fixture.call(
                    Map.of("url", target.baseUrl() + "/slow", "body", "{}"),
                    List.of(),
                    Duration.ofMillis(500))));
  }

  @Test
  void hostsOutsideTheAllowlistAndMetadataAddressesAreRefused() {
    ActionFailedException notAllowed =
        assertThrows(
            ActionFailedException.class,
            () -> executor.execute(fixture.call(Map.of("url", "http://example.org/x"))));
    assertTrue(notAllowed.getMessage().contains("not in the allowed outbound hosts"));
    RestExecutor open =
        new RestExecutor(
            fixture.secrets,
            new OutboundPolicy(
                new HostPolicy(List.of("169.254.169.254")), 5, Duration.ofSeconds(30)));
    ActionFailedException metadata =
        assertThrows(
            ActionFailedException.class,
            () ->
                open.execute(
                    fixture.call(Map.of("url", "http://169.254.169.254/latest/meta-data/"))));
    assertTrue(metadata.getMessage().contains("link-local"), metadata.getMessage());
  }

  @Test
  void repeatedFailuresOpenTheHostsCircuit() {
    target.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
    for (int i = 0; i < 5; i++) {
      assertThrows(
          ActionFailedException.class,
          () ->
              executor.execute(
                  fixture.call(Map.of("url", target.baseUrl() + "/down", "body", "{}"))));
    }
    assertTrue(fixture.policy.circuitOpen("localhost"));
    TransientActionException paused =
        assertThrows(
            TransientActionException.class,
            () ->
                executor.execute(
                    fixture.call(Map.of("url", target.baseUrl() + "/down", "body", "{}"))));
    assertTrue(paused.getMessage().contains("circuit open"));
  }

  @Test
  void redirectedHostsAreCheckedByNameAndCalledAtTheirStandIn() {
    target.stubFor(post(urlPathEqualTo("/sandbox/v1/ns")).willReturn(okJson("{\"id\": \"s-1\"}")));
    RestExecutor sandboxed =
        new RestExecutor(
            fixture.secrets,
            new OutboundPolicy(
                new HostPolicy(
                    List.of("*.example.com"),
                    HostPolicy.redirects(List.of("*.example.com=" + target.baseUrl() + "/sandbox")),
                    ExecutorFixture.LOOPBACK),
                5,
                Duration.ofSeconds(30)));
    ActionResult result =
        sandboxed.execute(
            fixture.call(Map.of("url", "https://api.platform.example.com/v1/ns", "body", "{}")));
    assertEquals(Map.of("id", "s-1"), result.document().get("body"));
  }

  @Test
  void anUnknownSecretFailsWithoutRevealingAnything() {
    ActionFailedException failed =
        assertThrows(
            ActionFailedException.class,
            () ->
                executor.execute(
                    fixture.call(
                        Map.of("url", target.baseUrl() + "/x", "auth", Map.of("secret", "nope")))));
    assertEquals("The secret 'nope' is not configured", failed.getMessage());
    assertFalse(failed.getMessage().contains(ExecutorFixture.TOKEN));
  }

  @Test
  void anAnswerLargerThanTheLimitFailsTheActionWithoutBeingReadWhole() {
    RestExecutor limited = new RestExecutor(fixture.secrets, fixture.policy, 1024);
    target.stubFor(
        post(urlPathEqualTo("/huge"))
            .willReturn(okJson("{\"pad\": \"" + "x".repeat(5000) + "\"}")));
    target.stubFor(
        post(urlPathEqualTo("/chunked"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("y".repeat(5000))
                    .withChunkedDribbleDelay(2, 10)));
    for (String path : List.of("/huge", "/chunked")) {
      ActionFailedException failed =
          assertThrows(
              ActionFailedException.class,
              () ->
                  limited.execute(
                      fixture.call(Map.of("url", target.baseUrl() + path, "body", "{}"))));
      assertTrue(failed.getMessage().contains("pao.http.max-response-bytes"), failed.getMessage());
      assertEquals(200, failed.details().get("http_status"));
    }
    target.stubFor(post(urlPathEqualTo("/small")).willReturn(okJson("{\"ok\": true}")));
    ActionResult fits =
        limited.execute(fixture.call(Map.of("url", target.baseUrl() + "/small", "body", "{}")));
    assertEquals(Map.of("ok", true), fits.document().get("body"));
  }

  private RestExecutor scoped(Map<String, String> config) {
    return new RestExecutor(
        new SecretStore(key -> Optional.ofNullable(config.get(key)), Set.of("jira-default-token")),
        fixture.policy);
  }

  @Test
  void aSecretIsSentOnlyToTheHostsItDeclares() {
    target.stubFor(post(urlPathEqualTo("/scoped")).willReturn(okJson("{}")));
    Map<String, Object> spec =
        Map.of(
            "url", target.baseUrl() + "/scoped", "body", "{}", "auth", Map.of("secret", "cloud"));
    RestExecutor elsewhere =
        scoped(Map.of("pao.secret.cloud", "c-1", "pao.secret.cloud.hosts", "api.example.com"));
    ActionFailedException refused =
        assertThrows(ActionFailedException.class, () -> elsewhere.execute(fixture.call(spec)));
    assertTrue(
        refused.getMessage().contains("may not be sent to 'localhost'"), refused.getMessage());
    assertFalse(refused.getMessage().contains("c-1"));
    target.verify(0, postRequestedFor(urlPathEqualTo("/scoped")));

    scoped(
            Map.of(
                "pao.secret.cloud", "c-1", "pao.secret.cloud.hosts", "api.example.com, localhost"))
        .execute(fixture.call(spec));
    target.verify(
        postRequestedFor(urlPathEqualTo("/scoped"))
            .withHeader("Authorization", equalTo("Bearer c-1")));
  }

  @Test
  void theSecretsOfConfiguredInstancesAreNeverUsableByRestActions() {
    target.stubFor(post(urlPathEqualTo("/steal")).willReturn(okJson("{}")));
    Map<String, Object> spec =
        Map.of(
            "url",
            target.baseUrl() + "/steal",
            "body",
            "{}",
            "auth",
            Map.of("secret", "jira-default-token"));
    ActionFailedException refused =
        assertThrows(
            ActionFailedException.class,
            () ->
                scoped(Map.of("pao.secret.jira-default-token", ExecutorFixture.TOKEN))
                    .execute(fixture.call(spec)));
    assertTrue(refused.getMessage().contains("configured JIRA, GitHub or Terraform instance"));
    target.verify(0, postRequestedFor(urlPathEqualTo("/steal")));
  }
}
