package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Submissions per user and webhook deliveries per source are limited: over the limit the answer is
 * 429 RATE_LIMITED in the envelope with Retry-After. A server of its own with low limits (the test
 * stack's are set far above what the other tests send).
 */
class RateLimitIT {
  private static final int LIMIT = 3;
  private static LibertyProcess server;
  private static Api api;

  @BeforeAll
  static void start() {
    LocalStack stack = TestStack.get();
    Map<String, String> env = new HashMap<>(stack.serverEnvironment());
    env.put("PAO_LIMITS_SUBMISSIONS_PER_MINUTE", String.valueOf(LIMIT));
    env.put("PAO_LIMITS_WEBHOOK_PER_MINUTE", String.valueOf(LIMIT));
    server =
        new LibertyProcess(
            stack.settings().wlpDirectory(),
            stack.settings().home().resolve("limits"),
            TestStack.freePort(),
            env);
    server.start(Duration.ofMinutes(3));
    TestStack.register(server);
    api = new Api(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void submissionsOverTheLimitAreRefusedWithRetryAfter() {
    String eager = api.token("eager@example.com", List.of("team-data"), List.of());
    for (int i = 0; i < LIMIT; i++) {
      Api.Answer answer = submit(eager);
      assertNotEquals(429, answer.status(), answer.raw());
    }
    Api.Answer limited = submit(eager);
    assertEquals(429, limited.status(), limited.raw());
    assertEquals("RATE_LIMITED", limited.errorCode());
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After"));

    String other = api.token("patient@example.com", List.of("team-data"), List.of());
    assertNotEquals(429, submit(other).status(), "another user has an allowance of their own");
  }

  @Test
  void webhookDeliveriesOverTheLimitAreRefusedBeforeTheSignatureCheck() {
    int refused = 0;
    Api.Answer answer = null;
    // The limit is per source: this test's deliveries are the only ones from this address.
    for (int i = 0; i <= LIMIT && refused == 0; i++) {
      answer = Webhooks.send(api, "{}", "sha256=00");
      if (answer.status() == 429) {
        refused++;
      } else {
        assertEquals(401, answer.status(), answer.raw());
      }
    }
    assertEquals(429, answer.status(), answer.raw());
    assertEquals("RATE_LIMITED", answer.errorCode());
    assertTrue(answer.header("Retry-After") != null, "Retry-After");
  }

  /** An invalid submission: it counts towards the limit though it stores nothing. */
  private static Api.Answer submit(String token) {
    return api.send(
        api.request("/api/v1/requests")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"catalog_item_id\": \"no-such-item\"}")));
  }
}
