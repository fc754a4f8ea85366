package dev.pao.devctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogValidateTest {
  @TempDir Path home;
  @TempDir Path work;

  private CliDriver devctl() {
    return new CliDriver(home);
  }

  @Test
  void theSampleCatalogIsValid() {
    CliDriver.Result result =
        devctl().run("catalog", "validate", BrokenCatalog.samples().toString());
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("", result.out(), result.toString());
    assertTrue(result.err().contains("13 documents checked, all valid"), result.toString());
  }

  @Test
  void everyBrokenDocumentIsReportedAtItsFileLineAndColumn() {
    Path root = BrokenCatalog.copyOfSamples(work.resolve("repo"));
    BrokenCatalog.addBrokenDocuments(root);
    CliDriver.Result result = devctl().run("catalog", "validate", root.toString());
    assertEquals(1, result.exitCode(), result.toString());
    List<String> lines = Arrays.asList(result.out().split("\n"));
    String prefix = root.toAbsolutePath() + "/";
    assertHas(
        lines,
        prefix + "catalog/databases/typo-cache.yaml:17:25: ",
        "'.current.nmae' is not a declared form field",
        result);
    assertHas(
        lines, prefix + "catalog/databases/bad-yaml.yaml:6:7: ", "expected ',' or ']'", result);
    assertHas(
        lines, prefix + "catalog/databases/no-version.yaml:4:3: ", "'version' is required", result);
    assertHas(
        lines,
        prefix + "catalog/databases/no-version.yaml:10:26: ",
        "must be one of [string, text",
        result);
    assertHas(
        lines,
        prefix + "catalog/databases/misplaced.yaml:7:13: ",
        "category 'compute' does not match its folder 'databases'",
        result);
    assertHas(
        lines,
        prefix + "bundles/ghost-bundle.yaml:9:25: ",
        "unknown catalog item 'no-such-item'",
        result);
    assertEquals(6, lines.size(), result.toString());
    assertTrue(result.err().contains("18 documents checked, 5 rejected"), result.toString());
  }

  @Test
  void aSingleFileIsCheckedInItsCheckoutAndOnlyItsProblemsAreShown() {
    Path root = BrokenCatalog.copyOfSamples(work.resolve("repo"));
    BrokenCatalog.addBrokenDocuments(root);
    CliDriver.Result result =
        devctl()
            .run(
                "catalog",
                "validate",
                root.resolve("catalog/databases/typo-cache.yaml").toString());
    assertEquals(1, result.exitCode(), result.toString());
    assertEquals(1, result.out().strip().split("\n").length, result.toString());
    assertTrue(result.out().contains("typo-cache.yaml:17:25: "), result.toString());

    CliDriver.Result valid =
        devctl()
            .run(
                "catalog",
                "validate",
                root.resolve("catalog/databases/postgres-database.yaml").toString(),
                root.resolve("bundles/service-starter.yaml").toString());
    assertEquals(0, valid.exitCode(), valid.toString());
  }

  @Test
  void aDocumentOutsideACheckoutIsCheckedOnItsOwn() {
    BrokenCatalog.write(work, "loose/typo.yaml", BrokenCatalog.TEMPLATE_TYPO);
    CliDriver.Result result =
        devctl()
            .run("catalog", "validate", "-o", "json", work.resolve("loose/typo.yaml").toString());
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.out().contains("\"line\": 17"), result.toString());
    assertTrue(result.out().contains("\"column\": 25"), result.toString());
    assertTrue(result.out().contains("\"valid\": false"), result.toString());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, devctl().run("catalog", "validate").exitCode());
    assertEquals(
        2, devctl().run("catalog", "validate", work.resolve("missing").toString()).exitCode());
    assertEquals(2, devctl().run("catalog", "validate", work.toString()).exitCode());
    assertEquals(2, devctl().run("--no-such-option").exitCode());
    assertEquals(2, devctl().run("request", "submit").exitCode());
    assertEquals(2, devctl().run("request", "escalate", "some-id").exitCode());
    assertEquals(2, devctl().run("request", "retry").exitCode());
    assertEquals(2, devctl().run("request", "list", "--since", "yesterday-ish").exitCode());
  }

  private static void assertHas(
      List<String> lines, String start, String fragment, CliDriver.Result result) {
    assertTrue(
        lines.stream().anyMatch(line -> line.startsWith(start) && line.contains(fragment)),
        "expected a line starting " + start + " with '" + fragment + "' in\n" + result);
  }
}
