package dev.pao.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's exported metric names ({@code prometheus/metric-names.txt}, the list the
 * service's integration test checks against {@code /metrics}), and the {@code pao_} names a PromQL
 * text uses.
 */
final class MetricNames {
  static final Path LIST = Path.of("prometheus", "metric-names.txt");
  private static final Pattern PAO_NAME = Pattern.compile("\\bpao_[a-zA-Z0-9_]+");

  private MetricNames() {}

  /** The names in the list file. */
  static Set<String> listed() {
    Set<String> names = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(LIST)) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          names.add(trimmed.split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** The {@code pao_} metric names {@code promql} uses. */
  static Set<String> usedIn(String promql) {
    Set<String> used = new TreeSet<>();
    Matcher m = PAO_NAME.matcher(promql);
    while (m.find()) {
      used.add(m.group());
    }
    return used;
  }
}
