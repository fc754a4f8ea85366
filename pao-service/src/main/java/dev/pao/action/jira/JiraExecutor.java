package dev.pao.action.jira;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.OutboundHttp;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.ExternalStatus;
import dev.pao.shared.json.JsonCodec;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates JIRA issues through the REST API (v2, or v3 with Atlassian Document Format) on the
 * instance the action names. Idempotent: the attempt's idempotency key is added as a label and
 * searched for before creating, so a redelivered message finds the ticket it already made. For
 * bundles, the ticket is linked as "is blocked by" the tickets of the components it depends on.
 */
public class JiraExecutor implements ActionExecutor {
  public static final String TYPE = "jira";

  private final Map<String, ServiceInstance> instances;
  private final SecretStore secrets;
  private final OutboundHttp http;

  public JiraExecutor(
      Map<String, ServiceInstance> instances, SecretStore secrets, OutboundHttp http) {
    this.instances = Map.copyOf(instances);
    this.secrets = secrets;
    this.http = http;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ActionResult execute(ActionCall call) {
    ServiceInstance jira = instance(call.text("instance"));
    String label = call.idempotencyKey();
    Map<String, Object> issue =
        findByLabel(jira, label, call).orElseGet(() -> create(jira, call, label));
    String key = String.valueOf(issue.get("key"));
    for (ExternalRef dependency : call.dependencies()) {
      if (TYPE.equals(dependency.type()) && jira.name().equals(dependency.instance())) {
        linkBlockedBy(jira, key, dependency.key(), call);
      }
    }
    String url = jira.baseUrl() + "/browse/" + key;
    return new ActionResult(
        Map.of("key", key, "id", String.valueOf(issue.get("id")), "url", url),
        new ExternalRef(TYPE, jira.name(), key, url));
  }

  @Override
  public Optional<ExternalStatus> liveStatus(ExternalRef ref) {
    ServiceInstance jira = instance(ref.instance());
    ActionCall probe = statusCall();
    HttpAnswer answer =
        http.send(
            get(jira), jira.resolve(api(jira) + "/issue/" + ref.key() + "?fields=status"), probe);
    if (!answer.successful()) {
      throw JiraErrors.classify(jira.name(), "the status query of " + ref.key(), answer);
    }
    return Optional.of(JiraStatuses.of(answer.object()));
  }

  private Optional<Map<String, Object>> findByLabel(
      ServiceInstance jira, String label, ActionCall call) {
    String jql = URLEncoder.encode("labels = \"" + label + "\"", StandardCharsets.UTF_8);
    String search = jira.apiVersion() >= 3 ? "/search/jql" : "/search";
    HttpAnswer answer =
        http.send(
            get(jira),
            jira.resolve(api(jira) + search + "?jql=" + jql + "&fields=key&maxResults=1"),
            call);
    if (!answer.successful()) {
      throw JiraErrors.classify(jira.name(), "the search for an earlier ticket", answer);
    }
    if (answer.object().get("issues") instanceof List<?> issues
        && !issues.isEmpty()
        && issues.get(0) instanceof Map<?, ?> first) {
      return Optional.of(Map.of("key", first.get("key"), "id", String.valueOf(first.get("id"))));
    }
    return Optional.empty();
  }

  private Map<String, Object> create(ServiceInstance jira, ActionCall call, String label) {
    String body = JsonCodec.write(JiraPayloads.createIssue(call, jira.apiVersion(), label));
    HttpAnswer answer = http.send(post(jira, body), jira.resolve(api(jira) + "/issue"), call);
    if (!answer.successful()) {
      throw JiraErrors.classify(jira.name(), "the new issue", answer);
    }
    return answer.object();
  }

  private void linkBlockedBy(ServiceInstance jira, String key, String blocker, ActionCall call) {
    HttpAnswer issue =
        http.send(
            get(jira), jira.resolve(api(jira) + "/issue/" + key + "?fields=issuelinks"), call);
    if (issue.successful() && JsonCodec.write(issue.object()).contains("\"" + blocker + "\"")) {
      return;
    }
    String body = JsonCodec.write(JiraPayloads.blocksLink(blocker, key));
    HttpAnswer answer = http.send(post(jira, body), jira.resolve(api(jira) + "/issueLink"), call);
    if (!answer.successful()) {
      throw JiraErrors.classify(
          jira.name(), "the link " + key + " is blocked by " + blocker, answer);
    }
  }

  private ServiceInstance instance(String name) {
    String wanted = name == null || name.isBlank() ? "default" : name;
    ServiceInstance jira = instances.get(wanted);
    if (jira == null) {
      throw new ActionFailedException(
          "No JIRA instance named '" + wanted + "' is configured (pao.jira.instances)");
    }
    return jira;
  }

  private static String api(ServiceInstance jira) {
    return "/rest/api/" + jira.apiVersion();
  }

  private HttpRequest.Builder get(ServiceInstance jira) {
    return authorized(jira).GET();
  }

  private HttpRequest.Builder post(ServiceInstance jira, String body) {
    return authorized(jira)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder authorized(ServiceInstance jira) {
    String token = secrets.reveal(jira.tokenSecret());
    String authorization =
        jira.user() == null
            ? "Bearer " + token
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((jira.user() + ":" + token).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder()
        .header("Accept", "application/json")
        .header("Authorization", authorization);
  }

  private static ActionCall statusCall() {
    return new ActionCall(
        new UUID(0, 0),
        0,
        0,
        Map.of(),
        List.of(),
        null,
        Instant.now().plus(Duration.ofSeconds(10)),
        null);
  }
}
