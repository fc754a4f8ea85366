package dev.pao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Liberty server assembled by the build ({@code pao-service/target/liberty/wlp}), run as a
 * child process with the given environment. Its console goes to {@code console.log} in its output
 * directory; several instances can run from one installation with different output directories.
 */
public final class LibertyProcess implements AutoCloseable {
  public static final String SERVER_NAME = "pao";

  private final Path wlpDirectory;
  private final Path outputDirectory;
  private final int httpPort;
  private final Map<String, String> environment;
  private Process process;

  public LibertyProcess(
      Path wlpDirectory, Path outputDirectory, int httpPort, Map<String, String> environment) {
    this.wlpDirectory = wlpDirectory;
    this.outputDirectory = outputDirectory;
    this.httpPort = httpPort;
    this.environment = Map.copyOf(environment);
  }

  /**
   * Starts the server and waits until it is ready to take requests (MicroProfile readiness: the
   * database reachable and migrated, a catalog loaded).
   */
  public synchronized void start(Duration timeout) {
    Path script = wlpDirectory.resolve("bin/server");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(
          "No Liberty server at " + wlpDirectory + "; build it first (./mvnw package -DskipTests)");
    }
    try {
      Files.createDirectories(outputDirectory);
      ProcessBuilder builder =
          new ProcessBuilder(List.of(script.toString(), "run", SERVER_NAME))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(consoleLog().toFile()));
      builder.environment().putAll(environment);
      builder.environment().put("WLP_OUTPUT_DIR", outputDirectory.toAbsolutePath().toString());
      builder.environment().put("PAO_HTTP_PORT", String.valueOf(httpPort));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Liberty", e);
    }
    try {
      awaitHealthy(timeout);
    } catch (RuntimeException e) {
      kill(); // a server that did not come up in time must not linger
      throw e;
    }
  }

  /** Stops the server gracefully (as Ctrl-C would), forcibly if it takes too long. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      kill();
    } finally {
      process = null;
    }
  }

  /** Kills the server at once, as a crash would (kill -9). */
  public synchronized void kill() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** The running server's launcher process (its descendants include the server JVM). */
  public synchronized java.util.Optional<ProcessHandle> handle() {
    return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.toHandle());
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public Path consoleLog() {
    return outputDirectory.resolve("console.log");
  }

  @Override
  public void close() {
    stop();
  }

  private boolean applicationFailedToStart() {
    try {
      return Files.exists(consoleLog()) && Files.readString(consoleLog()).contains("CWWKZ0002E");
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Liberty exited with code " + process.exitValue() + "; see " + consoleLog());
      }
      if (applicationFailedToStart()) {
        throw new IllegalStateException(
            "The application failed to start (CWWKZ0002E); see " + consoleLog());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Liberty", e);
      }
      process.onExit().completeOnTimeout(null, 250, TimeUnit.MILLISECONDS).join();
    }
    throw new IllegalStateException(
        "Liberty did not become ready within " + timeout + "; see " + consoleLog());
  }
}
