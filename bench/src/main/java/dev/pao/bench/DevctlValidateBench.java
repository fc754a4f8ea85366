package dev.pao.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures {@code devctl catalog validate} the way a CI step runs it: the built launcher started as
 * a process (JVM start included) on a checkout of N generated items (default 1,000, the generator
 * of {@link CatalogRefreshBench}) plus 10 bundles and a CODEOWNERS. Also times {@code devctl
 * --help}. Prints the first run and the median of 5; target: under 3 s. Run with an optional count:
 * {@code DevctlValidateBench [items]}; the launcher is {@code -Dpao.devctl.launcher}.
 */
public final class DevctlValidateBench {
  private DevctlValidateBench() {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    String launcher = System.getProperty("pao.devctl.launcher", "devctl/target/devctl/bin/devctl");
    Path root = Files.createTempDirectory("pao-devctl-bench");
    try {
      CatalogRefreshBench.generate(root, items);
      double[] help = new double[5];
      for (int run = 0; run < help.length; run++) {
        help[run] = timed(List.of(launcher, "--help"), 0);
      }
      double first = timed(List.of(launcher, "catalog", "validate", root.toString()), 0);
      double[] validate = new double[5];
      for (int run = 0; run < validate.length; run++) {
        validate[run] = timed(List.of(launcher, "catalog", "validate", root.toString()), 0);
      }
      Arrays.sort(help);
      Arrays.sort(validate);
      System.out.printf(
          Locale.ROOT,
          "devctl catalog validate of %,d generated items + 10 bundles (launcher process, JVM start"
              + " included; safe YAML, JSON Schema, semantic and template checks of every"
              + " document):%n"
              + "  first run: %,.0f ms; median %,.0f ms, best %,.0f ms, worst %,.0f ms (5 runs)%n"
              + "  devctl --help: median %,.0f ms, best %,.0f ms (5 runs)%n"
              + "  target: validate under 3,000 ms: %s (load average %.1f on %d cores)%n",
          items,
          first,
          validate[2],
          validate[0],
          validate[4],
          help[2],
          help[0],
          validate[2] < 3000 ? "met" : "NOT met",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
    } finally {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Runs {@code command} to its end; answers its wall time in milliseconds. */
  private static double timed(List<String> command, int expectedExitCode)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exitCode = process.waitFor();
    double millis = (System.nanoTime() - start) / 1_000_000.0;
    if (exitCode != expectedExitCode) {
      throw new IllegalStateException(command + " exited with " + exitCode + ":\n" + output);
    }
    return millis;
  }
}
