package dev.pao.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./mvnw -Prun package -DskipTests}: runs PAO on its embedded defaults until Ctrl-C, then
 * stops everything it started. Data is kept in {@code .pao/} between runs.
 */
public final class LocalStackMain {
  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    // What the caller configured wins over the embedded defaults (PAO_DB_URL replaces the embedded
    // PostgreSQL, PAO_QUEUE_URL the embedded broker, PAO_JIRA_* the sandbox JIRA, ...).
    Map<String, String> external = new HashMap<>();
    System.getenv()
        .forEach(
            (name, value) -> {
              if ((name.startsWith("PAO_") || name.startsWith("MP_"))
                  && !name.startsWith("PAO_LOCAL_")
                  && !value.isBlank()) {
                external.put(name, value);
              }
            });
    int httpPort = intEnv("PAO_HTTP_PORT", 9080);
    LocalStack.Settings settings =
        new LocalStack.Settings(
            Path.of(System.getProperty("pao.home", ".pao")).toAbsolutePath().normalize(),
            Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath().normalize(),
            httpPort,
            intEnv("PAO_LOCAL_DB_PORT", 15432),
            intEnv("PAO_LOCAL_SQS_PORT", 9324),
            !"false".equalsIgnoreCase(System.getenv("PAO_DEV_MODE")),
            "false".equalsIgnoreCase(System.getenv("PAO_SANDBOX"))
                ? 0
                : intEnv("PAO_LOCAL_SANDBOX_PORT", 9099),
            external);
    LocalStack stack = new LocalStack(settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  long started = System.nanoTime();
                  System.out.println("Stopping PAO (Liberty, then the broker and PostgreSQL) ...");
                  stack.close();
                  System.out.printf(
                      "PAO stopped in %.1f s.%n", (System.nanoTime() - started) / 1e9);
                },
                "pao-local-stop"));
    System.out.println("Starting PAO (PostgreSQL, ElasticMQ, Liberty) ...");
    stack.start();
    printBanner(stack);
    // Runs until Ctrl-C or SIGTERM; the JVM then exits once the shutdown hook has stopped the
    // stack. Never returning keeps the build that launched it from going on meanwhile.
    Thread.currentThread().join();
  }

  private static void printBanner(LocalStack stack) {
    String base = stack.server().baseUrl();
    System.out.println(
        """

        PAO is running.
          Portal:       %1$s/  (sign in, browse the catalog, request and follow)
          API:          %1$s/api/v1
          OpenAPI UI:   %1$s/openapi/ui
          Health:       %1$s/api/v1/health/ready
          Metrics:      %1$s/metrics
          PostgreSQL:   %2$s
          SQS endpoint: %3$s
          Sandbox:      %5$s (stand-in JIRA, GitHub, Terraform Cloud, sample REST APIs)
          Server log:   %4$s
        Authenticate (development mode) with a token from:
          curl -s -X POST %1$s/api/v1/dev/token -H 'Content-Type: application/json' \\
            -d '{"email":"dev@example.com","name":"Dev","teams":["team-data"],"roles":["developer","platform","admin"]}'
          then send: Authorization: Bearer <data.token>
        Press Ctrl-C to stop.
        """
            .formatted(
                base,
                stack.database() == null ? "external" : stack.database().jdbcUrl(),
                stack.broker() == null ? "external" : stack.broker().endpoint(),
                stack.server().consoleLog(),
                stack.sandbox() == null ? "off" : stack.sandbox().baseUrl()));
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
