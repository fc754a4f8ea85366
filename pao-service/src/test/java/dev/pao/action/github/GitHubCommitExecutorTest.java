package dev.pao.action.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pao.action.ExecutorFixture;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.TransientActionException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The github-commit executor against a WireMock GitHub (contents, refs and pulls APIs). */
class GitHubCommitExecutorTest {
  @RegisterExtension
  static WireMockExtension github =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ExecutorFixture fixture = new ExecutorFixture();
  private static final String CONTENTS = "/repos/acme/infra/contents/teams/data/orders.yaml";

  private GitHubCommitExecutor executor() {
    return new GitHubCommitExecutor(
        new GitHubConnections(
            Map.of(
                "default",
                new ServiceInstance("default", URI.create(github.baseUrl()), 3, null, "api-token")),
            fixture.secrets,
            fixture.policy));
  }

  private static Map<String, Object> spec() {
    Map<String, Object> spec = new HashMap<>();
    spec.put("instance", "default");
    spec.put("repository", "acme/infra");
    spec.put("branch", "main");
    spec.put("path", "teams/data/orders.yaml");
    spec.put("content", "name: orders\nsize: small\n");
    spec.put("message", "Add orders database");
    return spec;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private void written(String sha) {
    github.stubFor(
        put(urlPathEqualTo(CONTENTS))
            .willReturn(
                okJson(
                    "{\"commit\": {\"sha\": \""
                        + sha
                        + "\", \"html_url\": \"https://github.com/acme/infra/commit/"
                        + sha
                        + "\"}}")));
  }

  @Test
  void createsANewFile() {
    github.stubFor(get(urlPathEqualTo(CONTENTS)).willReturn(aResponse().withStatus(404)));
    written("c0ffee");
    ActionResult result = executor().execute(fixture.call(spec()));
    assertEquals("c0ffee", result.document().get("commitSha"));
    github.verify(
        putRequestedFor(urlPathEqualTo(CONTENTS))
            .withHeader("Authorization", equalTo("Bearer " + ExecutorFixture.TOKEN))
            .withRequestBody(matchingJsonPath("$.branch", equalTo("main")))
            .withRequestBody(matchingJsonPath("$.message", equalTo("Add orders database")))
            .withRequestBody(
                matchingJsonPath("$.content", equalTo(base64("name: orders\nsize: small\n")))));
  }

  @Test
  void updatesAnExistingFileWithItsSha() {
    github.stubFor(
        get(urlPathEqualTo(CONTENTS))
            .willReturn(okJson("{\"sha\": \"old1\", \"content\": \"" + base64("old") + "\"}")));
    written("beef01");
    executor().execute(fixture.call(spec()));
    github.verify(
        putRequestedFor(urlPathEqualTo(CONTENTS))
            .withRequestBody(matchingJsonPath("$.sha", equalTo("old1"))));
  }

  @Test
  void theSameContentAlreadyThereIsSuccessWithoutASecondCommit() {
    github.stubFor(
        get(urlPathEqualTo(CONTENTS))
            .willReturn(
                okJson(
                    "{\"sha\": \"s1\", \"content\": \""
                        + base64("name: orders\nsize: small\n")
                        + "\"}")));
    github.stubFor(
        get(urlPathEqualTo("/repos/acme/infra/git/ref/heads/main"))
            .willReturn(okJson("{\"object\": {\"sha\": \"head42\"}}")));
    ActionResult result = executor().execute(fixture.call(spec()));
    assertEquals("head42", result.document().get("commitSha"));
    github.verify(0, putRequestedFor(urlPathEqualTo(CONTENTS)));
  }

  @Test
  void opensAPullRequestFromANewBranch() {
    Map<String, Object> spec = spec();
    spec.put("branch", "pao/orders");
    spec.put("pullRequest", Map.of("base", "main", "title", "Orders database"));
    github.stubFor(
        get(urlPathEqualTo("/repos/acme/infra/git/ref/heads/pao/orders"))
            .willReturn(aResponse().withStatus(404)));
    github.stubFor(
        get(urlPathEqualTo("/repos/acme/infra/git/ref/heads/main"))
            .willReturn(okJson("{\"object\": {\"sha\": \"base1\"}}")));
    github.stubFor(
        post(urlPathEqualTo("/repos/acme/infra/git/refs")).willReturn(aResponse().withStatus(201)));
    github.stubFor(get(urlPathEqualTo(CONTENTS)).willReturn(aResponse().withStatus(404)));
    written("abc123");
    github.stubFor(get(urlPathEqualTo("/repos/acme/infra/pulls")).willReturn(okJson("[]")));
    github.stubFor(
        post(urlPathEqualTo("/repos/acme/infra/pulls"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"html_url\": \"https://github.com/acme/infra/pull/5\"}")));
    ActionResult result = executor().execute(fixture.call(spec));
    assertEquals("https://github.com/acme/infra/pull/5", result.document().get("pullRequestUrl"));
    github.verify(
        postRequestedFor(urlPathEqualTo("/repos/acme/infra/git/refs"))
            .withRequestBody(matchingJsonPath("$.ref", equalTo("refs/heads/pao/orders")))
            .withRequestBody(matchingJsonPath("$.sha", equalTo("base1"))));
    github.verify(
        postRequestedFor(urlPathEqualTo("/repos/acme/infra/pulls"))
            .withRequestBody(matchingJsonPath("$.head", equalTo("pao/orders")))
            .withRequestBody(matchingJsonPath("$.base", equalTo("main"))));
  }

  @Test
  void errorsAreClassified() {
    github.stubFor(
        get(urlPathEqualTo(CONTENTS))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"message\": \"Bad credentials\"}")));
    ActionFailedException refused =
        assertThrows(ActionFailedException.class, () -> executor().execute(fixture.call(spec())));
    assertTrue(refused.getMessage().contains("refused the configured token"), refused.getMessage());

    github.stubFor(
        get(urlPathEqualTo(CONTENTS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-ratelimit-remaining", "0")
                    .withBody("{\"message\": \"API rate limit exceeded\"}")));
    assertThrows(TransientActionException.class, () -> executor().execute(fixture.call(spec())));

    github.stubFor(get(urlPathEqualTo(CONTENTS)).willReturn(aResponse().withStatus(404)));
    github.stubFor(
        put(urlPathEqualTo(CONTENTS))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody("{\"message\": \"Invalid request. \\\"sha\\\" wasn't supplied.\"}")));
    ActionFailedException rejected =
        assertThrows(ActionFailedException.class, () -> executor().execute(fixture.call(spec())));
    assertTrue(rejected.getMessage().contains("HTTP 422"), rejected.getMessage());
  }

  @Test
  void aGitHubAppInstanceCommitsWithAnInstallationToken() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    java.security.KeyPair keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    dev.pao.action.secret.SecretStore secrets =
        new dev.pao.action.secret.SecretStore(
            key -> java.util.Optional.ofNullable(Map.of("pao.secret.app-key", pem).get(key)));
    GitHubCommitExecutor executor =
        new GitHubCommitExecutor(
            new GitHubConnections(
                Map.of(
                    "default",
                    new ServiceInstance(
                        "default", URI.create(github.baseUrl()), 3, null, "unused")),
                secrets,
                fixture.policy,
                Map.of("default", new GitHubAppTokens.App("4242", "77", "app-key"))));
    github.stubFor(
        post(urlPathEqualTo("/app/installations/77/access_tokens"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        "{\"token\": \"ghs_installation\", \"expires_at\": \"2999-01-01T00:00:00Z\"}")));
    github.stubFor(get(urlPathEqualTo(CONTENTS)).willReturn(aResponse().withStatus(404)));
    written("app001");
    executor.execute(fixture.call(spec()));
    github.verify(
        putRequestedFor(urlPathEqualTo(CONTENTS))
            .withHeader("Authorization", equalTo("Bearer ghs_installation")));
    String jwt =
        github
            .findAll(postRequestedFor(urlPathEqualTo("/app/installations/77/access_tokens")))
            .get(0)
            .getHeader("Authorization")
            .substring("Bearer ".length());
    String[] parts = jwt.split("\\.");
    java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
    rsa.initVerify(keys.getPublic());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the app key");
    assertTrue(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .contains("\"iss\":\"4242\""));
  }

  @Test
  void aMalformedRepositoryFailsTheAction() {
    Map<String, Object> spec = spec();
    spec.put("repository", "not a repo");
    assertThrows(ActionFailedException.class, () -> executor().execute(fixture.call(spec)));
  }

  @Test
  void pathsBranchesAndRepositoriesThatWouldReachAnotherEndpointAreRefused() {
    List<Map.Entry<String, String>> escapes =
        List.of(
            Map.entry("path", "../../../other/repo/contents/x.yaml"),
            Map.entry("path", "teams/./x.yaml"),
            Map.entry("branch", "../../../../repos/acme/other/git/ref/heads/main"),
            Map.entry("branch", "main?ref=x"),
            Map.entry("repository", "acme/.."));
    for (Map.Entry<String, String> escape : escapes) {
      Map<String, Object> spec = spec();
      spec.put(escape.getKey(), escape.getValue());
      ActionFailedException refused =
          assertThrows(ActionFailedException.class, () -> executor().execute(fixture.call(spec)));
      assertTrue(refused.getMessage().contains(escape.getValue()), refused.getMessage());
    }
    assertEquals(0, github.getAllServeEvents().size());
  }
}
