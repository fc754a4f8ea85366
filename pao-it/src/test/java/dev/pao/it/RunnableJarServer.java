package dev.pao.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The deployable runnable JAR ({@code pao-service/target/pao-server.jar}) started as an operator
 * would: {@code java -jar}, configured by environment variables only. It extracts itself into a
 * directory of its own ({@code WLP_JAR_EXTRACT_DIR}) under the build's output, never the home
 * directory, and its console goes to {@code console.log} beside that directory.
 */
final class RunnableJarServer {
  private final Path jar;
  private final Path workDirectory;
  private final int httpPort;
  private final Map<String, String> environment;
  private Process process;

  RunnableJarServer(Path jar, Path workDirectory, int httpPort, Map<String, String> environment) {
    this.jar = jar;
    this.workDirectory = workDirectory;
    this.httpPort = httpPort;
    this.environment = Map.copyOf(environment);
  }

  /** The JAR the build packaged (system property {@code pao.server.jar}). */
  static Path packagedJar() {
    Path jar =
        Path.of(System.getProperty("pao.server.jar", "../pao-service/target/pao-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No runnable server JAR at " + jar + "; build it first (./mvnw package -DskipTests)");
    }
    return jar.toAbsolutePath();
  }

  /** Starts {@code java -jar} with only the given environment besides the inherited one. */
  void start() {
    TestStack.deleteRecursively(workDirectory);
    try {
      Files.createDirectories(workDirectory);
      ProcessBuilder builder =
          new ProcessBuilder(List.of(javaLauncher(), "-jar", jar.toString()))
              .directory(workDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(consoleLog().toFile()));
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("WLP_") || name.startsWith("PAO_"));
      env.putAll(environment);
      env.put("PAO_HTTP_PORT", String.valueOf(httpPort));
      env.put("WLP_JAR_EXTRACT_DIR", workDirectory.resolve("extract").toString());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + jar, e);
    }
  }

  /** Waits until {@code path} answers 200, failing early when the process exits. */
  void awaitOk(String path, Duration timeout) {
    Api api = new Api(baseUrl());
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .failFast("the server exited; see " + consoleLog(), () -> !process.isAlive())
        .until(() -> api.get(path).status() == 200);
  }

  /**
   * Sends SIGTERM to the {@code java -jar} process only (as a container runtime or systemd would)
   * and waits at most {@code bound} for it and the server JVM it launched (the JAR carries
   * jvm.options, so the server runs in a child JVM) to exit; kills what is left after that. Answers
   * how long the stop took, or empty if it did not stop in time.
   */
  Optional<Duration> terminate(Duration bound) {
    long started = System.nanoTime();
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    long deadline = started + bound.toNanos();
    boolean stopped = awaitExit(process.toHandle(), deadline);
    for (ProcessHandle child : children) {
      stopped &= awaitExit(child, deadline);
    }
    if (stopped) {
      return Optional.of(Duration.ofNanos(System.nanoTime() - started));
    }
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    return Optional.empty();
  }

  private static boolean awaitExit(ProcessHandle handle, long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    try {
      handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the processes at once (a failed start must not linger). */
  void kill() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  Path consoleLog() {
    return workDirectory.resolve("console.log");
  }

  private static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
