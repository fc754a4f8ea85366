package dev.pao.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -Prun package -DskipTests}: runs PAO on its embedded defaults until Ctrl-C, then
 * stops everything it started. Data is kept in {@code .pao/} between runs.
 */
public final class LocalStackMain {
  private static final String[] PASSED_THROUGH = {
    "PAO_DB_URL",
    "PAO_DB_USER",
    "PAO_DB_PASSWORD",
    "PAO_DB_MIGRATION_USER",
    "PAO_DB_MIGRATION_PASSWORD",
    "PAO_SQS_ENDPOINT",
    "PAO_SQS_REGION",
    "PAO_QUEUE_URL",
    "PAO_DLQ_URL",
    "PAO_SQS_ACCESS_KEY_ID",
    "PAO_SQS_SECRET_ACCESS_KEY",
    "PAO_QUEUE_CREATE_MISSING",
    "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
    "MP_JWT_VERIFY_ISSUER",
    "PAO_DEV_MODE",
    "PAO_CATALOG_REPO",
    "PAO_CATALOG_BRANCH",
    "PAO_GITHUB_WEBHOOK_SECRET"
  };

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> external = new HashMap<>();
    for (String name : PASSED_THROUGH) {
      String value = System.getenv(name);
      if (value != null && !value.isBlank()) {
        external.put(name, value);
      }
    }
    int httpPort = intEnv("PAO_HTTP_PORT", 9080);
    LocalStack.Settings settings =
        new LocalStack.Settings(
            Path.of(System.getProperty("pao.home", ".pao")).toAbsolutePath().normalize(),
            Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath().normalize(),
            httpPort,
            intEnv("PAO_LOCAL_DB_PORT", 15432),
            intEnv("PAO_LOCAL_SQS_PORT", 9324),
            !"false".equalsIgnoreCase(System.getenv("PAO_DEV_MODE")),
            external);
    LocalStack stack = new LocalStack(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping PAO ...");
                  stack.close();
                  System.out.println("PAO stopped.");
                  stopped.countDown();
                },
                "pao-local-stop"));
    System.out.println("Starting PAO (PostgreSQL, ElasticMQ, Liberty) ...");
    stack.start();
    printBanner(stack);
    stopped.await();
  }

  private static void printBanner(LocalStack stack) {
    String base = stack.server().baseUrl();
    System.out.println(
        """

        PAO is running.
          API:          %1$s/api/v1
          OpenAPI UI:   %1$s/openapi/ui
          Health:       %1$s/api/v1/health/ready
          Metrics:      %1$s/metrics
          PostgreSQL:   %2$s
          SQS endpoint: %3$s
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
                stack.server().consoleLog()));
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
