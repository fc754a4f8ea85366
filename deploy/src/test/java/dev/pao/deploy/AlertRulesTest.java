package dev.pao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules are valid ({@code promtool check rules}), behave as their unit tests say ({@code
 * promtool test rules}), use only exported metric names, and each has a severity, a summary, a
 * description and a runbook section.
 */
class AlertRulesTest {
  private static final Path RULES = Path.of("prometheus", "pao-alerts.yaml");
  private static final Path TESTS = Path.of("prometheus", "pao-alerts.test.yaml");
  private static final Set<String> RUNBOOK_SECTIONS =
      Set.of(
          "stuck-requests",
          "dlq-redrive",
          "jira-outage",
          "catalog-sync-rejected",
          "database-failover",
          "queue-outage",
          "rotating-secrets-and-keys",
          "scaling");

  @Test
  void promtoolFindsTheRulesValid() throws Exception {
    promtool("check", "rules", RULES.toString());
  }

  @Test
  void promtoolUnitTestsPass() throws Exception {
    promtool("test", "rules", TESTS.toString());
  }

  @Test
  void rulesUseOnlyExportedMetrics() throws IOException {
    Set<String> unknown = new TreeSet<>(MetricNames.usedIn(Files.readString(RULES)));
    unknown.removeAll(MetricNames.listed());
    assertEquals(Set.of(), unknown, "metrics not in " + MetricNames.LIST);
  }

  @Test
  void everyRuleHasSeverityAnnotationsAndARunbookSection() throws IOException {
    List<List<String>> rules = new ArrayList<>();
    for (String line : Files.readAllLines(RULES)) {
      if (line.strip().startsWith("- alert:")) {
        rules.add(new ArrayList<>());
      }
      if (!rules.isEmpty()) {
        rules.get(rules.size() - 1).add(line.strip());
      }
    }
    assertTrue(rules.size() >= 12, "rules found: " + rules.size());
    Pattern runbook = Pattern.compile("runbook_url: docs/runbook\\.md#([a-z-]+)");
    for (List<String> rule : rules) {
      String name = rule.get(0);
      assertTrue(rule.stream().anyMatch(l -> l.matches("severity: (critical|warning|info)")), name);
      assertTrue(rule.stream().anyMatch(l -> l.startsWith("summary: ")), name);
      assertTrue(rule.stream().anyMatch(l -> l.startsWith("description: ")), name);
      String section =
          rule.stream()
              .map(runbook::matcher)
              .filter(Matcher::matches)
              .map(m -> m.group(1))
              .findFirst()
              .orElse(null);
      assertTrue(RUNBOOK_SECTIONS.contains(section), name + " runbook section " + section);
    }
  }

  /** Runs promtool; fails with its output unless it exits 0. */
  static void promtool(String... arguments) throws Exception {
    Path promtool = findPromtool();
    List<String> command = new ArrayList<>();
    command.add(promtool.toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("promtool did not finish: " + String.join(" ", command));
    }
    assertEquals(
        0,
        process.exitValue(),
        String.join(" ", command) + "\n" + new String(output, StandardCharsets.UTF_8));
  }

  /**
   * promtool from {@code PROMTOOL}, or the PATH; missing, the test fails and says how to get it.
   */
  private static Path findPromtool() {
    String configured = System.getenv("PROMTOOL");
    if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(directory, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(
        "promtool is not installed: it checks the alert rules. Install the Debian package"
            + " 'prometheus' (apt-get install prometheus, which provides /usr/bin/promtool) or set"
            + " PROMTOOL to its path.");
  }
}
