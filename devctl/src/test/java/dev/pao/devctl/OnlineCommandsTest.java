package dev.pao.devctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error handling, exit codes and configuration against a fake API on a local port. */
class OnlineCommandsTest {
  @TempDir Path home;
  private HttpServer server;
  private final List<String> authorizations = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          authorizations.add(auth);
          String path = exchange.getRequestURI().getPath();
          int status;
          String body;
          if (auth == null) {
            status = 401;
            body = error("UNAUTHENTICATED", "A bearer token is required", "[]");
          } else if (path.equals("/api/v1/me")) {
            status = 200;
            body =
                "{\"data\": {\"subject\": \"ada\", \"email\": \"ada@example.com\", \"name\": \"Ada\","
                    + " \"teams\": [\"team-data\"], \"roles\": [\"developer\"]}, \"meta\": {}}";
          } else if (path.equals("/api/v1/requests")) {
            status = 400;
            body =
                error(
                    "VALIDATION_ERROR",
                    "The form data is invalid",
                    "[{\"field\": \"name\", \"issue\": \"pattern mismatch\"}]");
          } else {
            status = 404;
            body = error("NOT_FOUND", "No request x", "[]");
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String error(String code, String message, String details) {
    return "{\"error\": {\"code\": \""
        + code
        + "\", \"message\": \""
        + message
        + "\", \"details\": "
        + details
        + ", \"correlation_id\": \"corr-42\"}}";
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void errorsShowTheMessageDetailsAndCorrelationIdWithTheirExitCodes() {
    CliDriver devctl = new CliDriver(home).env("PAO_URL", url()).env("PAO_TOKEN", "t0k3n");
    CliDriver.Result invalid = devctl.run("request", "list", "--status", "failed");
    assertEquals(1, invalid.exitCode(), invalid.toString());
    assertTrue(
        invalid.err().contains("The form data is invalid (VALIDATION_ERROR)"), invalid.err());
    assertTrue(invalid.err().contains("name: pattern mismatch"), invalid.err());
    assertTrue(invalid.err().contains("correlation id: corr-42"), invalid.err());

    CliDriver.Result missing = devctl.run("request", "show", "x");
    assertEquals(4, missing.exitCode(), missing.toString());

    CliDriver.Result anonymous = new CliDriver(home).env("PAO_URL", url()).run("whoami");
    assertEquals(3, anonymous.exitCode(), anonymous.toString());
    assertTrue(anonymous.err().contains("devctl login"), anonymous.err());
  }

  @Test
  void anUnreachableServerExitsWithFive() throws IOException {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliDriver.Result result =
        new CliDriver(home).env("PAO_URL", "http://127.0.0.1:" + port).run("whoami");
    assertEquals(5, result.exitCode(), result.toString());
    assertTrue(result.err().contains("Cannot reach http://127.0.0.1:" + port), result.err());
  }

  @Test
  void loginStoresAContextThatLaterCommandsUseAndTheEnvironmentOverrides() throws IOException {
    CliDriver devctl = new CliDriver(home).env("XDG_CONFIG_HOME", home.resolve("cfg").toString());
    CliDriver.Result login =
        devctl.run("login", "--context", "fake", "--url", url(), "--token", "stored-token");
    assertEquals(0, login.exitCode(), login.toString());
    Path config = home.resolve("cfg/pao/config.yaml");
    assertTrue(Files.readString(config).contains("current-context: fake"));
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(config)));

    CliDriver.Result whoami = devctl.run("whoami", "-o", "yaml");
    assertEquals(0, whoami.exitCode(), whoami.toString());
    assertTrue(whoami.out().contains("email: ada@example.com"), whoami.out());
    assertEquals("Bearer stored-token", authorizations.get(authorizations.size() - 1));

    devctl.env("PAO_TOKEN", "override").run("whoami");
    assertEquals("Bearer override", authorizations.get(authorizations.size() - 1));

    CliDriver.Result contexts = devctl.run("context", "list");
    assertTrue(contexts.out().contains("*        fake"), contexts.out());
    assertEquals(2, devctl.run("whoami", "--context", "nope").exitCode());
  }

  @Test
  void completionScriptsCoverTheCommandTree() {
    CliDriver.Result bash = new CliDriver(home).run("completion", "bash");
    assertEquals(0, bash.exitCode());
    assertTrue(bash.out().contains("complete -F _complete_devctl"), bash.out());
    assertTrue(bash.out().contains("validate"), "subcommands are completed");
    CliDriver.Result zsh = new CliDriver(home).run("completion", "zsh");
    assertTrue(zsh.out().startsWith("autoload -U +X compinit"), zsh.out());
  }
}
