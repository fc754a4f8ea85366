package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LocalStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Ctrl-C does after the run command: the local stack stops Liberty first (draining its work),
 * then the broker and PostgreSQL, within 15 s, leaving no process and no error in the server log.
 */
class LocalStackStopIT {
  @Test
  void stopsServerFirstThenEverythingElseQuicklyAndCleanly() throws Exception {
    Path home = Path.of(System.getProperty("pao.it.home", "target/it-stack") + "-stop");
    TestStack.deleteRecursively(home);
    LocalStack.Settings settings =
        new LocalStack.Settings(
            home.toAbsolutePath(),
            Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
            TestStack.freePort(),
            TestStack.freePort(),
            TestStack.freePort(),
            true,
            TestStack.freePort(),
            Map.of());
    LocalStack stack = new LocalStack(settings);
    stack.start();
    Api api = new Api(stack.server().baseUrl());
    assertEquals(200, api.get("/api/v1/health/ready").status());

    long started = System.nanoTime();
    stack.close();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "stopping took " + took);
    for (int port : List.of(settings.httpPort(), settings.databasePort(), settings.brokerPort())) {
      assertFalse(listening(port), "port " + port + " still answers after the stop");
    }
    assertTrue(
        ProcessHandle.allProcesses()
            .noneMatch(
                process ->
                    process.info().commandLine().orElse("").contains(home.toAbsolutePath() + "/")),
        "a process of the stopped stack is still running");
    String log = Files.readString(stack.server().consoleLog());
    for (String error : List.of("\"loglevel\":\"SEVERE\"", "\"loglevel\":\"ERROR\"")) {
      assertFalse(log.contains(error), "the server log contains " + error);
    }
    // Any message with id ...4002 (E or W), not the number inside other text (ports, ids, sizes).
    assertFalse(
        java.util.regex.Pattern.compile("\\b[A-Z]{4,5}4002[EW]\\b").matcher(log).find(),
        "the server log contains a 4002 message");
    Path ffdc = home.resolve("liberty/logs/ffdc");
    if (Files.isDirectory(ffdc)) {
      try (Stream<Path> incidents = Files.list(ffdc)) {
        assertEquals(List.of(), incidents.toList(), "FFDC incidents");
      }
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
