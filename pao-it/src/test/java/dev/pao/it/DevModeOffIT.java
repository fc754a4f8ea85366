package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second server instance on the same database and queue, with development mode off (as in
 * production): the token endpoint does not exist there, while real tokens still work.
 */
class DevModeOffIT {
  private static LibertyProcess production;

  @BeforeAll
  static void startWithoutDevMode() {
    LocalStack stack = TestStack.get();
    Map<String, String> env = new HashMap<>(stack.serverEnvironment());
    env.remove("PAO_DEV_MODE");
    env.remove("PAO_DEV_SIGNING_KEY");
    production =
        new LibertyProcess(
            stack.settings().wlpDirectory(),
            stack.settings().home().resolve("liberty-production"),
            TestStack.freePort(),
            env);
    production.start(Duration.ofMinutes(3));
  }

  @AfterAll
  static void stop() {
    production.stop();
  }

  @Test
  void theTokenEndpointDoesNotExist() {
    Api.Answer answer =
        new Api(production.baseUrl())
            .postJson("/api/v1/dev/token", "{\"email\": \"x@example.com\"}");
    assertEquals(404, answer.status(), answer.raw());
    assertEquals("NOT_FOUND", answer.errorCode());
  }

  @Test
  void tokensFromTheTrustedKeyStillAuthenticate() {
    String token = TestStack.api().token("bo@example.com", List.of(), List.of());
    assertEquals(200, new Api(production.baseUrl()).get("/api/v1/me", token).status());
  }
}
