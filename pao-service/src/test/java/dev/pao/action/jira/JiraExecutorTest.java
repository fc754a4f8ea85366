package dev.pao.action.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pao.action.ExecutorFixture;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.ExternalStatus;
import dev.pao.action.spi.TransientActionException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The jira executor against a WireMock JIRA speaking the documented REST API shapes. */
class JiraExecutorTest {
  @RegisterExtension
  static WireMockExtension jira =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ExecutorFixture fixture = new ExecutorFixture();

  private JiraExecutor executor(int apiVersion) {
    ServiceInstance instance =
        new ServiceInstance(
            "default",
            URI.create(jira.baseUrl()),
            apiVersion,
            "bot@example.com",
            "jira-default-token");
    return new JiraExecutor(Map.of("default", instance), fixture.secrets, fixture.policy);
  }

  private static Map<String, Object> spec() {
    return Map.of(
        "instance", "default",
        "project", "DBA",
        "issueType", "Task",
        "summary", "Create PostgreSQL orders (small)",
        "description", "Requested by dev@example.com.\n\nVPC: vpc-1",
        "priority", "High",
        "labels", List.of("pao", "small"),
        "components", List.of("databases"),
        "fields", Map.of("customfield_10010", "vpc-1"));
  }

  private void noEarlierTicket(String searchPath) {
    jira.stubFor(get(urlPathEqualTo(searchPath)).willReturn(okJson("{\"issues\": []}")));
  }

  private void createAnswers(String key) {
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"10042\", \"key\": \"" + key + "\", \"self\": \"x\"}")));
  }

  @Test
  void createsTheTicketWithEveryFieldAndTheIdempotencyLabel() {
    noEarlierTicket("/rest/api/2/search");
    createAnswers("DBA-42");
    ActionResult result = executor(2).execute(fixture.call(spec()));

    assertEquals("DBA-42", result.document().get("key"));
    assertEquals(jira.baseUrl() + "/browse/DBA-42", result.document().get("url"));
    assertEquals("DBA-42", result.externalRef().key());
    String label = fixture.call(spec()).idempotencyKey();
    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))
            .withHeader(
                "Authorization",
                equalTo("Basic Ym90QGV4YW1wbGUuY29tOnRvay0zZjlhLVNFQ1JFVC12YWx1ZQ=="))
            .withHeader("X-Correlation-ID", equalTo("corr-test-1"))
            .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("DBA")))
            .withRequestBody(matchingJsonPath("$.fields.issuetype.name", equalTo("Task")))
            .withRequestBody(matchingJsonPath("$.fields.priority.name", equalTo("High")))
            .withRequestBody(matchingJsonPath("$.fields.components[0].name", equalTo("databases")))
            .withRequestBody(matchingJsonPath("$.fields.customfield_10010", equalTo("vpc-1")))
            .withRequestBody(matchingJsonPath("$.fields.labels[2]", equalTo(label)))
            .withRequestBody(
                matchingJsonPath(
                    "$.fields.description",
                    equalTo("Requested by dev@example.com.\n\nVPC: vpc-1"))));
    jira.verify(
        getRequestedFor(urlPathEqualTo("/rest/api/2/search"))
            .withQueryParam("jql", equalTo("labels = \"" + label + "\"")));
  }

  @Test
  void version3SendsTheDescriptionAsAnAtlassianDocument() {
    noEarlierTicket("/rest/api/3/search/jql");
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/3/issue"))
            .willReturn(
                aResponse().withStatus(201).withBody("{\"id\": \"1\", \"key\": \"DBA-7\"}")));
    executor(3).execute(fixture.call(spec()));
    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
            .withRequestBody(matchingJsonPath("$.fields.description.type", equalTo("doc")))
            .withRequestBody(
                matchingJsonPath(
                    "$.fields.description.content[1].content[0].text", equalTo("VPC: vpc-1"))));
  }

  @Test
  void aRedeliveredMessageFindsItsTicketInsteadOfCreatingASecond() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/search"))
            .willReturn(okJson("{\"issues\": [{\"id\": \"10042\", \"key\": \"DBA-42\"}]}")));
    ActionResult result = executor(2).execute(fixture.call(spec()));
    assertEquals("DBA-42", result.document().get("key"));
    jira.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/2/issue")));
  }

  @Test
  void aDependentTicketIsBlockedByItsDependencysTicket() {
    noEarlierTicket("/rest/api/2/search");
    createAnswers("APP-2");
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/APP-2"))
            .willReturn(okJson("{\"fields\": {\"issuelinks\": []}}")));
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issueLink")).willReturn(aResponse().withStatus(201)));
    ExternalRef database = new ExternalRef("jira", "default", "DBA-1", "u");
    executor(2).execute(fixture.call(spec(), List.of(database), Duration.ofSeconds(20)));
    jira.verify(
        postRequestedFor(urlPathEqualTo("/rest/api/2/issueLink"))
            .withRequestBody(
                equalToJson(
                    "{\"type\": {\"name\": \"Blocks\"}, \"outwardIssue\": {\"key\": \"DBA-1\"},"
                        + " \"inwardIssue\": {\"key\": \"APP-2\"}}")));
  }

  @Test
  void aBadRequestFailsTheActionNamingTheFields() {
    noEarlierTicket("/rest/api/2/search");
    jira.stubFor(
        post(urlPathEqualTo("/rest/api/2/issue"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"errorMessages\": [], \"errors\": {\"priority\": \"Priority name"
                            + " 'High' is not valid\"}}")));
    ActionFailedException failed =
        assertThrows(ActionFailedException.class, () -> executor(2).execute(fixture.call(spec())));
    assertTrue(
        failed.getMessage().contains("priority: Priority name 'High' is not valid"),
        failed.getMessage());
  }

  @Test
  void refusedCredentialsFailTheActionWithoutTheSecret() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).willReturn(aResponse().withStatus(401)));
    ActionFailedException failed =
        assertThrows(ActionFailedException.class, () -> executor(2).execute(fixture.call(spec())));
    assertTrue(
        failed.getMessage().contains("refused the configured credentials"), failed.getMessage());
    assertFalse(failed.getMessage().contains(ExecutorFixture.TOKEN));
    assertFalse(String.valueOf(failed.details()).contains(ExecutorFixture.TOKEN));
  }

  @Test
  void rateLimitingIsWaitedOutWithinTheBudget() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/search"))
            .inScenario("limited")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("free"));
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/search"))
            .inScenario("limited")
            .whenScenarioStateIs("free")
            .willReturn(okJson("{\"issues\": []}")));
    createAnswers("DBA-9");
    assertEquals("DBA-9", executor(2).execute(fixture.call(spec())).document().get("key"));
    assertTrue(fixture.heartbeats.get() >= 1, "kept the message visible while waiting");
  }

  @Test
  void rateLimitingLongerThanTheBudgetIsTransient() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/search"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
    assertThrows(
        TransientActionException.class,
        () -> executor(2).execute(fixture.call(spec(), List.of(), Duration.ofSeconds(5))));
  }

  @Test
  void serverErrorsAndUnreachableInstancesAreTransient() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).willReturn(aResponse().withStatus(503)));
    assertThrows(TransientActionException.class, () -> executor(2).execute(fixture.call(spec())));
    JiraExecutor unreachable =
        new JiraExecutor(
            Map.of(
                "default",
                new ServiceInstance(
                    "default", URI.create("http://localhost:1"), 2, null, "jira-default-token")),
            fixture.secrets,
            fixture.policy);
    assertThrows(TransientActionException.class, () -> unreachable.execute(fixture.call(spec())));
  }

  @Test
  void anUnknownInstanceFailsTheAction() {
    Map<String, Object> spec = new java.util.HashMap<>(spec());
    spec.put("instance", "elsewhere");
    ActionFailedException failed =
        assertThrows(ActionFailedException.class, () -> executor(2).execute(fixture.call(spec)));
    assertTrue(failed.getMessage().contains("elsewhere"));
  }

  @Test
  void liveStatusMapsStatusCategories() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/DBA-42"))
            .willReturn(
                okJson(
                    "{\"key\": \"DBA-42\", \"fields\": {\"status\": {\"name\": \"In Review\","
                        + " \"statusCategory\": {\"key\": \"indeterminate\"}}}}")));
    ExternalStatus status =
        executor(2).liveStatus(new ExternalRef("jira", "default", "DBA-42", "u")).orElseThrow();
    assertEquals(new ExternalStatus("In Review", "in_progress"), status);
  }

  @Test
  void failingStatusLookupsDoNotPauseTheActionsCallsToJira() {
    jira.stubFor(
        get(urlPathEqualTo("/rest/api/2/issue/DBA-42")).willReturn(aResponse().withStatus(503)));
    JiraExecutor executor = executor(2);
    for (int i = 0; i < 8; i++) {
      assertThrows(
          RuntimeException.class,
          () -> executor.liveStatus(new ExternalRef("jira", "default", "DBA-42", "u")));
    }
    assertFalse(
        fixture.policy.circuitOpen("localhost"),
        "status lookups have breakers of their own; the actions' breaker stays closed");
  }
}
