package dev.pao.action.jira;

import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.RequestHeaders;
import dev.pao.action.http.ServerErrorException;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.http.TypedClients;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.ExternalStatus;
import dev.pao.shared.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Creates JIRA issues through the REST API (v2, or v3 with Atlassian Document Format) on the
 * instance the action names. Idempotent: the attempt's idempotency key is added as a label and
 * searched for before creating, so a redelivered message finds the ticket it already made. For
 * bundles, the ticket is linked as "is blocked by" the tickets of the components it depends on.
 */
@ApplicationScoped
public class JiraExecutor implements ActionExecutor {
  public static final String TYPE = "jira";

  private final Map<String, ServiceInstance> instances;
  private final SecretStore secrets;
  private final OutboundPolicy policy;
  private final TypedClients<JiraApi> clients;

  /** For CDI's client proxy only. */
  protected JiraExecutor() {
    this.instances = Map.of();
    this.secrets = null;
    this.policy = null;
    this.clients = null;
  }

  @Inject
  JiraExecutor(JiraConfiguration configuration, SecretStore secrets, OutboundPolicy policy) {
    this(configuration.instances(), secrets, policy);
  }

  public JiraExecutor(
      Map<String, ServiceInstance> instances, SecretStore secrets, OutboundPolicy policy) {
    this.instances = Map.copyOf(instances);
    this.secrets = secrets;
    this.policy = policy;
    this.clients =
        new TypedClients<>(
            JiraApi.class,
            policy.hosts(),
            jira -> RequestHeaders.of("Authorization", () -> authorization(jira)),
            jira -> new JiraErrors(jira.name()));
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

  /**
   * A status query for a person looking at the request: bounded, so a slow JIRA cannot hang it, and
   * through the status breakers, so failing lookups never pause the actions' calls.
   */
  @Override
  @Timeout(10_000)
  public Optional<ExternalStatus> liveStatus(ExternalRef ref) {
    ServiceInstance jira = instance(ref.instance());
    JiraApi api = clients.of(jira);
    Map<String, Object> issue =
        policy.callForStatus(
            jira.baseUrl(), statusCall(), () -> api.issue(jira.apiVersion(), ref.key(), "status"));
    return Optional.of(JiraStatuses.of(issue));
  }

  private Optional<Map<String, Object>> findByLabel(
      ServiceInstance jira, String label, ActionCall call) {
    String jql = "labels = \"" + label + "\"";
    int version = jira.apiVersion();
    Map<String, Object> found =
        call(
            jira,
            call,
            api ->
                version >= 3
                    ? api.searchJql(version, jql, "key", 1)
                    : api.search(version, jql, "key", 1));
    if (found.get("issues") instanceof List<?> issues
        && !issues.isEmpty()
        && issues.get(0) instanceof Map<?, ?> first) {
      return Optional.of(Map.of("key", first.get("key"), "id", String.valueOf(first.get("id"))));
    }
    return Optional.empty();
  }

  private Map<String, Object> create(ServiceInstance jira, ActionCall call, String label) {
    Map<String, Object> issue = JiraPayloads.createIssue(call, jira.apiVersion(), label);
    return call(jira, call, api -> api.createIssue(jira.apiVersion(), issue));
  }

  private void linkBlockedBy(ServiceInstance jira, String key, String blocker, ActionCall call) {
    if (alreadyLinked(jira, key, blocker, call)) {
      return;
    }
    Map<String, Object> link = JiraPayloads.blocksLink(blocker, key);
    call(
        jira,
        call,
        api -> {
          api.link(jira.apiVersion(), link);
          return null;
        });
  }

  /** Whether the issue's links name the blocker; an error answer means "not known to be". */
  private boolean alreadyLinked(ServiceInstance jira, String key, String blocker, ActionCall call) {
    try {
      Map<String, Object> issue =
          call(jira, call, api -> api.issue(jira.apiVersion(), key, "issuelinks"));
      return JsonCodec.write(issue).contains("\"" + blocker + "\"");
    } catch (RejectedAnswerException | ServerErrorException e) {
      return false;
    }
  }

  private <T> T call(ServiceInstance jira, ActionCall call, Function<JiraApi, T> exchange) {
    JiraApi api = clients.of(jira);
    return policy.callConfigured(jira.baseUrl(), call, () -> exchange.apply(api));
  }

  private ServiceInstance instance(String name) {
    return ServiceInstance.named(instances, name, "JIRA", TYPE);
  }

  private String authorization(ServiceInstance jira) {
    String token = secrets.reveal(jira.tokenSecret());
    return jira.user() == null
        ? "Bearer " + token
        : "Basic "
            + Base64.getEncoder()
                .encodeToString((jira.user() + ":" + token).getBytes(StandardCharsets.UTF_8));
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
