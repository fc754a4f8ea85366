package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.devctl.CliDriver;
import dev.pao.local.LibertyProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * devctl's online verbs in-process against the real server of {@link DevctlServer}: login, whoami,
 * the catalog, a sample bundle submitted and followed to completion, retry, abort and escalate (one
 * by one and in confirmed batches), the queue as admin, and the exit codes of refusals.
 */
class DevctlRequestsIT {
  private static LibertyProcess server;
  private static Api api;

  @TempDir Path home;

  @BeforeAll
  static void start() {
    server = DevctlServer.get();
    api = new Api(server.baseUrl());
  }

  /** A driver for a user of its own, so batches only ever see that user's requests. */
  private CliDriver as(String email, List<String> roles) {
    return DevctlDriver.of(home, server.baseUrl(), api.token(email, List.of(), roles));
  }

  private static CliDriver.Result ok(CliDriver.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
    return result;
  }

  private static JsonObject json(CliDriver.Result result) {
    return Json.createReader(new StringReader(result.out())).readObject();
  }

  private static String uniqueEmail(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void loginMintsADevelopmentTokenThatWhoamiAndLaterCommandsUse() {
    CliDriver devctl = DevctlDriver.of(home, null, null);
    CliDriver.Result login =
        ok(
            devctl.run(
                "login",
                "--context",
                "it",
                "--url",
                server.baseUrl(),
                "--email",
                "grace@example.com",
                "--team",
                "team-it",
                "--role",
                "platform"));
    assertTrue(login.out().contains("as grace@example.com"), login.out());
    CliDriver.Result whoami = ok(devctl.run("whoami"));
    assertTrue(whoami.out().contains("grace@example.com"), whoami.out());
    assertTrue(whoami.out().contains("platform"), whoami.out());
    assertTrue(whoami.out().contains("team-it"), whoami.out());
  }

  @Test
  void theCatalogVerbsShowTheServedCatalog() {
    CliDriver devctl = as(uniqueEmail("catalog"), List.of());
    assertTrue(ok(devctl.run("catalog", "list")).out().contains("service-starter"));
    assertTrue(
        ok(devctl.run("catalog", "list", "--kind", "bundle", "-o", "json"))
            .out()
            .contains("\"it-chain\""));
    assertTrue(ok(devctl.run("catalog", "show", "postgres-database")).out().contains("ticket"));
    assertTrue(ok(devctl.run("catalog", "form", "service-starter")).out().contains("network.vpc"));
    assertTrue(ok(devctl.run("catalog", "schema")).out().contains("\"$schema\""));
    assertEquals(4, devctl.run("catalog", "show", "no-such-item").exitCode());
  }

  @Test
  void aSampleBundleIsSubmittedFollowedToCompletionAndReadBack() {
    CliDriver devctl = as(uniqueEmail("submitter"), List.of());
    String[] submit = {
      "request",
      "submit",
      "service-starter",
      "--set",
      "name=orders",
      "--set",
      "visibility=internal",
      "--set",
      "ownerEmail=owner@example.com",
      "--set",
      "network.vpc=vpc-0a1b2c3d",
      "--wait",
      "-o",
      "json"
    };
    CliDriver.Result submitted = ok(devctl.run(submit));
    JsonObject request = json(submitted);
    assertEquals("completed", request.getString("status"));
    assertTrue(
        java.util.regex.Pattern.compile("request completed, action (\\d+) of \\1")
            .matcher(submitted.err())
            .find(),
        submitted.err());
    String key =
        submitted
            .err()
            .lines()
            .filter(l -> l.startsWith("Idempotency-Key: "))
            .findFirst()
            .orElseThrow()
            .substring("Idempotency-Key: ".length());
    String id = request.getString("id");

    String[] again = new String[submit.length + 2];
    System.arraycopy(submit, 0, again, 0, submit.length);
    again[submit.length] = "--idempotency-key";
    again[submit.length + 1] = key;
    assertEquals(id, json(ok(devctl.run(again))).getString("id"), "a rerun with the key is safe");

    assertTrue(ok(devctl.run("request", "list", "--item", "service-starter")).out().contains(id));
    CliDriver.Result shown = ok(devctl.run("request", "show", id));
    assertTrue(shown.out().contains("completed"), shown.out());
    assertTrue(shown.out().contains("database"), shown.out());
    String status = ok(devctl.run("request", "status", id)).out();
    assertTrue(
        java.util.regex.Pattern.compile("completed  (\\d+)/\\1 actions done")
            .matcher(status)
            .find(),
        status);
    CliDriver.Result logs = ok(devctl.run("request", "logs", id, "--follow"));
    assertTrue(logs.out().contains("-> completed"), logs.out());
    assertEquals(4, devctl.run("request", "show", UUID.randomUUID().toString()).exitCode());
  }

  @Test
  void aFailedRequestIsRetriedInABatchOnlyAfterConfirmation() {
    CliDriver devctl = as(uniqueEmail("retrier"), List.of());
    CliDriver.Result failed =
        devctl.run(
            "request", "submit", "it-first", "--set", "name=devctl-flaky", "--wait", "-o", "json");
    assertEquals(1, failed.exitCode(), failed.toString());
    String id = json(failed).getString("id");
    assertEquals("failed", json(failed).getString("status"));

    assertTrue(ok(devctl.run("request", "retry", id, "--dry-run")).out().contains("call"));

    String[] batch = {
      "request", "retry", "--status", "failed", "--item", "it-first", "--since", "1h"
    };
    CliDriver.Result declined = devctl.input("n\n").run(batch);
    assertEquals(1, declined.exitCode(), declined.toString());
    assertTrue(declined.out().contains(id), "the batch is listed before asking");
    assertTrue(declined.err().contains("Nothing done"), declined.err());
    assertTrue(ok(devctl.run("request", "status", id)).out().contains("failed"));

    ok(devctl.input("y\n").run(batch));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(90))
        .until(() -> devctl.run("request", "status", id).out().contains("completed"));
  }

  @Test
  void failedRequestsAreEscalatedOneByOneAndAbortedInABatch() {
    CliDriver devctl = as(uniqueEmail("operator"), List.of());
    String first = failedRequest(devctl, "devctl-broken-1");
    String second = failedRequest(devctl, "devctl-broken-2");

    CliDriver.Result escalated =
        ok(devctl.run("request", "escalate", first, "--reason", "the endpoint is down"));
    assertTrue(escalated.out().contains("escalated"), escalated.out());
    CliDriver.Result again = devctl.run("request", "escalate", first, "--reason", "twice");
    assertEquals(1, again.exitCode(), again.toString());
    assertTrue(again.err().contains("INVALID_STATE"), again.err());
    assertTrue(again.err().contains("correlation id: "), again.err());

    CliDriver.Result aborted =
        ok(
            devctl.run(
                "request",
                "abort",
                "--status",
                "failed",
                "--item",
                "it-first",
                "--since",
                "1h",
                "--yes",
                "--reason",
                "not needed"));
    assertTrue(aborted.out().contains(second + ": aborted"), aborted.out());
    assertFalse(aborted.out().contains(first + ":"), "only failed requests are touched");
  }

  private static String failedRequest(CliDriver devctl, String name) {
    CliDriver.Result result =
        devctl.run(
            "request", "submit", "it-first", "--set", "name=" + name, "--wait", "-o", "json");
    assertEquals(1, result.exitCode(), result.toString());
    assertEquals("failed", json(result).getString("status"));
    return json(result).getString("id");
  }

  @Test
  void theQueueIsForAdminsOnly() {
    CliDriver admin = as(uniqueEmail("admin"), List.of("admin"));
    CliDriver.Result stats = ok(admin.run("queue", "stats"));
    assertTrue(stats.out().contains("main"), stats.out());
    assertTrue(stats.out().contains("dlq"), stats.out());
    ok(admin.run("queue", "messages"));
    ok(admin.run("queue", "dlq"));
    assertEquals(4, admin.run("queue", "redrive", "no-such-message").exitCode());

    CliDriver.Result developer = as(uniqueEmail("dev"), List.of()).run("queue", "stats");
    assertEquals(3, developer.exitCode(), developer.toString());
    assertTrue(developer.err().contains("FORBIDDEN"), developer.err());
  }

  @Test
  void missingOrBadCredentialsExitWithThree() {
    CliDriver.Result none = DevctlDriver.of(home, server.baseUrl(), null).run("whoami");
    assertEquals(3, none.exitCode(), none.toString());
    assertTrue(none.err().contains("UNAUTHENTICATED"), none.err());
    CliDriver.Result forged =
        DevctlDriver.of(home, server.baseUrl(), Tokens.forged()).run("request", "list");
    assertEquals(3, forged.exitCode(), forged.toString());
  }

  @Test
  void theBuiltLauncherRunsTheCommands() throws Exception {
    Path launcher = Path.of(System.getProperty("pao.devctl.launcher"));
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "request", "list", "-o", "json")
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("PAO_URL", server.baseUrl());
    builder.environment().put("PAO_TOKEN", api.token(uniqueEmail("shell"), List.of(), List.of()));
    builder.environment().put("XDG_CONFIG_HOME", home.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), out);
    assertTrue(out.strip().startsWith("["), out);
  }
}
