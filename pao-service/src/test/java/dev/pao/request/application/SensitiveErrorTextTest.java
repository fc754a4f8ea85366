package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Error texts quote what was sent (a rendered URL with {@code ?key={{.current.apiKey}}}): the
 * request's sensitive values and revealed secrets never reach the reason, the attempt or the audit.
 */
class SensitiveErrorTextTest {
  private static final String API_KEY = "k3y/with space";
  private static final String SECRET = "tok-secret-value-42";

  private final Orchestration core = new Orchestration();

  private Request sensitiveRequest() {
    UUID id = UUID.randomUUID();
    Request request =
        new Request(
            id,
            new Request.CatalogRef("item", "postgres-database", "1.0.0"),
            new Request.Requester("dev-1", "dev@example.com", "Dev", List.of("team-a")),
            Map.of("name", "orders", "auth", Map.of("apiKey", API_KEY)),
            "corr-s",
            Orchestration.NOW);
    request.pin("c1", Map.of("sensitive", List.of("auth.apiKey")), "idem-s");
    RequestAction action =
        new RequestAction(
            id,
            0,
            new RequestAction.Step(null, "postgres-database", "step-0", "rest"),
            Map.of(
                "id", "step-0",
                "type", "rest",
                "url", "https://api.example.com/x?key={{.current.auth.apiKey}}"),
            List.of());
    action.queue(1);
    core.requests.add(request, List.of(action));
    SecretStore secrets = new SecretStore(key -> Optional.of(SECRET));
    secrets.reveal("api-token");
    core.steps.secrets = secrets;
    return request;
  }

  @Test
  void aFailureQuotingTheUrlIsStoredAndAuditedMasked() {
    Request request = sensitiveRequest();
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);
    String url = "https://api.example.com/x?key=k3y%2Fwith+space&token=" + SECRET;
    core.steps.fail(
        message,
        new ActionFailedException(
            "POST " + url + " answered HTTP 500",
            Map.of("url", url, "body", "{\"echo\": \"" + API_KEY + "\"}")));

    String reason = core.requests.find(request.requestId()).orElseThrow().statusReason();
    assertEquals(
        "action step-0 failed: POST https://api.example.com/x?key=***&token=*** answered HTTP 500",
        reason);
    String stored =
        core.action(request, 0).error()
            + " "
            + core.requests.latestAttempt(request.requestId(), 0, 1).orElseThrow().error();
    for (AuditEvent event : core.audit.events()) {
      stored += " " + event.payload() + " " + event.transition();
    }
    assertFalse(stored.contains("k3y"), stored);
    assertFalse(stored.contains(SECRET), stored);
    assertTrue(stored.contains("key=***"), stored);
  }

  @Test
  void aTransientProblemIsRecordedAndAnsweredMasked() {
    Request request = sensitiveRequest();
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);
    String masked =
        core.steps.transientProblem(message, "No response from https://h/?k=" + API_KEY);
    assertEquals("No response from https://h/?k=***", masked);
    assertEquals(
        Map.of("message", masked),
        core.requests.latestAttempt(request.requestId(), 0, 1).orElseThrow().error());
  }
}
