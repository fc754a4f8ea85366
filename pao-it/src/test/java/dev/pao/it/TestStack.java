package dev.pao.it;

import static org.awaitility.Awaitility.await;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One real PAO per test JVM: Liberty with the application, an embedded PostgreSQL and ElasticMQ, on
 * free ports, in a fresh directory. Started on first use, stopped when the JVM exits.
 */
public final class TestStack {
  /** The SMTP port and webhook receiver port the notification tests listen on. */
  static final int NOTIFY_SMTP_PORT = freePort();

  static final int NOTIFY_HOOK_PORT = freePort();

  static final String NOTIFY_WEBHOOK_SECRET = "it-notify-secret";

  /**
   * The server with the queue test probes (the Liberty user directory {@code pao-it-probes}
   * assembles), short queue timings so the failure tests run in seconds (three receives, and a
   * transient back-off of 2 s, 4 s, 8 s), and rate limits far above what the tests send (tests of
   * the limits start a server of their own with low ones).
   */
  static final Map<String, String> QUEUE_TEST_SETTINGS =
      withNotifications(
          Map.of(
              "WLP_USER_DIR",
                  System.getProperty("pao.wlp.user.dir", "../pao-it-probes/target/liberty-usr"),
              "PAO_QUEUE_VISIBILITY_TIMEOUT_SECONDS", "5",
              "PAO_QUEUE_WAIT_TIME_SECONDS", "2",
              "PAO_QUEUE_REDELIVERY_DELAY_SECONDS", "1",
              "PAO_QUEUE_MAX_RECEIVE_COUNT", "3",
              "PAO_QUEUE_BACKOFF_FIRST_SECONDS", "2",
              "PAO_QUEUE_BACKOFF_FACTOR", "2",
              "PAO_QUEUE_BACKOFF_MAX_SECONDS", "8",
              "PAO_LIMITS_SUBMISSIONS_PER_MINUTE", "1000000",
              "PAO_LIMITS_WEBHOOK_PER_MINUTE", "1000000"));

  /**
   * Every server of the stack shares the notification settings, as a deployment's instances do:
   * e-mail to a local SMTP server and the integration catalog's team (team-it) by webhook to a
   * local receiver, both started by the notification tests (while they do not run, sends fail and
   * are tried again later, which never touches a request); short back-offs; a support project in
   * the sandbox JIRA.
   */
  private static Map<String, String> withNotifications(Map<String, String> settings) {
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.put("PAO_MAIL_HOST", "localhost");
    all.put("PAO_MAIL_PORT", String.valueOf(NOTIFY_SMTP_PORT));
    all.put("PAO_MAIL_FROM", "pao@pao.local");
    all.put(
        "PAO_NOTIFY_TEAM_TEAM_IT_WEBHOOK_URL",
        "http://localhost:" + NOTIFY_HOOK_PORT + "/hooks/team-it");
    all.put("PAO_NOTIFY_WEBHOOK_SECRET", NOTIFY_WEBHOOK_SECRET);
    all.put("PAO_NOTIFY_BACKOFF_FIRST_SECONDS", "1");
    all.put("PAO_NOTIFY_BACKOFF_MAX_SECONDS", "2");
    all.put("PAO_NOTIFY_MAX_ATTEMPTS", "1000");
    all.put("PAO_NOTIFY_POLL_MILLIS", "500");
    all.put("PAO_SUPPORT_JIRA_PROJECT", "SUP");
    return Map.copyOf(all);
  }

  private static LocalStack stack;
  private static final List<LibertyProcess> MORE_SERVERS = new CopyOnWriteArrayList<>();

  private TestStack() {}

  public static synchronized LocalStack get() {
    if (stack == null) {
      Path home = Path.of(System.getProperty("pao.it.home", "target/it-stack")).toAbsolutePath();
      deleteRecursively(home);
      LocalStack.Settings settings =
          new LocalStack.Settings(
              home,
              Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
              freePort(),
              freePort(),
              freePort(),
              true,
              freePort(),
              QUEUE_TEST_SETTINGS);
      LocalStack started = new LocalStack(settings);
      try {
        started.start();
        awaitCatalog(started.server(), "kafka-topic");
      } catch (RuntimeException e) {
        started.close(); // a stack that did not come up must not outlive the tests
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-stack-stop"));
      stack = started;
    }
    return stack;
  }

  /** Registers another server on this stack's database and queue (they share the work). */
  static void register(LibertyProcess server) {
    MORE_SERVERS.add(server);
  }

  /** Every running server on this stack's database and queue, the stack's own first. */
  static List<LibertyProcess> runningServers() {
    List<LibertyProcess> servers = new ArrayList<>();
    servers.add(get().server());
    MORE_SERVERS.stream().filter(LibertyProcess::alive).forEach(servers::add);
    return servers;
  }

  /**
   * Waits until {@code server} serves the catalog documents {@code ids}: a (re)started instance
   * first serves the catalog last stored by any instance (none on a new database) and its own once
   * its start-up sync has run, shortly after it answers.
   */
  static void awaitCatalog(LibertyProcess server, String... ids) {
    Api api = new Api(server.baseUrl());
    String token = api.token("catalog-check@example.com", List.of(), List.of());
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Arrays.stream(ids)
                    .allMatch(id -> api.get("/api/v1/catalog/" + id, token).status() == 200));
  }

  public static Api api() {
    return new Api(get().server().baseUrl());
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
