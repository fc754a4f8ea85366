package dev.pao.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox answers the calls the executors make, with state, over real HTTP. */
class SandboxTest {
  private static Sandbox sandbox;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    sandbox = new Sandbox(port);
    sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void jiraCreatesFindsAndLinksTickets() throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/jira/rest/api/2/issue",
            "{\"fields\": {\"project\": {\"key\": \"DBA\"}, \"summary\": \"x\", \"labels\":"
                + " [\"pao-k1\"]}}");
    assertEquals(201, created.statusCode());
    assertTrue(created.body().contains("\"key\":\"DBA-"), created.body());
    String jql = URLEncoder.encode("labels = \"pao-k1\"", StandardCharsets.UTF_8);
    assertTrue(send("GET", "/jira/rest/api/2/search?jql=" + jql, null).body().contains("DBA-"));
    assertEquals(
        "{\"issues\":[]}",
        send("GET", "/jira/rest/api/2/search?jql=" + jql.replace("k1", "k2"), null).body());
  }

  @Test
  void workflowRunsConcludeAfterAFewLooks() throws Exception {
    assertEquals(
        204,
        send(
                "POST",
                "/github/repos/acme/svc/actions/workflows/ci.yml/dispatches",
                "{\"ref\": \"main\", \"inputs\": {\"pao_idempotency_key\": \"pao-x\"}}")
            .statusCode());
    String runs = send("GET", "/github/repos/acme/svc/actions/workflows/ci.yml/runs", null).body();
    assertTrue(runs.contains("Provision pao-x"), runs);
    String id = runs.replaceAll(".*\"id\":(\\d+).*", "$1");
    send("GET", "/github/repos/acme/svc/actions/runs/" + id, null);
    String done = send("GET", "/github/repos/acme/svc/actions/runs/" + id, null).body();
    assertTrue(done.contains("\"conclusion\":\"success\""), done);
  }

  @Test
  void restTargetsAnswerWithAnIdAndWhatTheyReceived() throws Exception {
    HttpResponse<String> answer = send("POST", "/rest/v1/namespaces", "{\"name\": \"orders\"}");
    assertEquals(201, answer.statusCode());
    assertTrue(answer.body().contains("\"name\":\"orders\""), answer.body());
    assertTrue(answer.headers().firstValue("X-Request-Id").isPresent());
  }

  @Test
  void linksInOutputsOpenAPageForWhatWasCreated() throws Exception {
    String created =
        send(
                "POST",
                "/jira/rest/api/2/issue",
                "{\"fields\": {\"project\": {\"key\": \"WEB\"}, \"summary\": \"Create <db>\"}}")
            .body();
    String key = created.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> ticket = send("GET", "/jira/browse/" + key, null);
    assertEquals(200, ticket.statusCode());
    assertTrue(ticket.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(ticket.body().contains("Create &lt;db&gt;"), ticket.body());
    assertEquals(404, send("GET", "/jira/browse/WEB-999", null).statusCode());

    String commit =
        send(
                "PUT",
                "/github/repos/acme/web/contents/a.yaml",
                "{\"branch\": \"main\", \"content\": \"eA==\"}")
            .body();
    String commitUrl = commit.replaceAll(".*\"html_url\":\"([^\"]+)\".*", "$1");
    assertTrue(commitUrl.startsWith(sandbox.baseUrl() + "/github/acme/web/commit/"), commitUrl);
    HttpResponse<String> commitPage =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(commitUrl)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, commitPage.statusCode());
    assertTrue(commitPage.body().contains("acme/web"), commitPage.body());

    String workspace = send("GET", "/tfc/api/v2/organizations/acme/workspaces/web", null).body();
    String workspaceId = workspace.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    String run =
        send(
                "POST",
                "/tfc/api/v2/runs",
                "{\"data\": {\"attributes\": {\"message\": \"pao-1\"}, \"relationships\":"
                    + " {\"workspace\": {\"data\": {\"id\": \""
                    + workspaceId
                    + "\"}}}}}")
            .body();
    String runId = run.replaceAll(".*\"id\":\"(run-[^\"]+)\".*", "$1");
    HttpResponse<String> runPage = send("GET", "/tfc/app/acme/workspaces/web/runs/" + runId, null);
    assertEquals(200, runPage.statusCode());
    assertTrue(runPage.body().contains("pao-1"), runPage.body());
  }
}
