package dev.pao.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.Rejection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole-snapshot loading: rejections with positions, last valid version kept, bundle rules. */
class CatalogLoaderTest {
  private final CatalogLoader loader = new CatalogLoader();
  private final CatalogLoader.Result samples =
      loader.load(SampleCatalog.files("c1"), CatalogSnapshot.empty(), Instant.now());

  private CatalogLoader.Result change(String path, String text) {
    return change(path, text, null);
  }

  private CatalogLoader.Result change(String path, String text, String removed) {
    Map<String, String> documents = new HashMap<>(SampleCatalog.files("c2").documents());
    documents.remove(removed);
    if (text == null) {
      documents.remove(path);
    } else {
      documents.put(path, text);
    }
    return loader.load(
        new RepositoryFiles("c2", documents, SampleCatalog.files("c2").codeOwners()),
        samples.snapshot(),
        Instant.now());
  }

  private static String sample(String path) {
    return SampleCatalog.files("x").documents().get(path);
  }

  @Test
  void aBrokenTemplateIsRejectedWithItsLineAndThePreviousVersionStays() {
    String path = "catalog/access/vpn-access.yaml";
    String broken =
        sample(path)
            .replace("version: 1.0.0", "version: 1.1.0")
            .replace("{{.current.until}}", "{{.current.untill}}");
    CatalogLoader.Result result = change(path, broken);
    assertEquals(1, result.rejected().size(), result.rejected().toString());
    Rejection rejection = result.rejected().get(0);
    assertEquals(path, rejection.file());
    int expectedLine = lineOf(broken, "untill");
    assertEquals(expectedLine, rejection.line(), rejection.toString());
    assertTrue(rejection.reason().contains("untill"), rejection.reason());
    assertEquals("1.0.0", result.snapshot().find("vpn-access").orElseThrow().version());
    assertEquals("c1", result.snapshot().find("vpn-access").orElseThrow().commit());
  }

  @Test
  void unchangedDocumentsKeepTheirCommitAndChangedOnesAreReported() {
    String path = "catalog/compute/vm-instance.yaml";
    CatalogLoader.Result result = change(path, sample(path).replace("1.0.0", "1.0.1"));
    assertEquals(List.of(), result.rejected());
    assertEquals(1, result.changed().size());
    assertEquals("c2", result.snapshot().find("vm-instance").orElseThrow().commit());
    assertEquals("c1", result.snapshot().find("redis-cache").orElseThrow().commit());
  }

  @Test
  void aDeletedFileLeavesTheCatalog() {
    CatalogLoader.Result result = change("catalog/compute/vm-instance.yaml", null);
    assertTrue(result.snapshot().find("vm-instance").isEmpty());
  }

  @Test
  void billionLaughsIsRejectedQuickly() {
    StringBuilder yaml =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    long start = System.nanoTime();
    CatalogLoader.Result result = change("catalog/compute/lol.yaml", yaml.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(1, result.rejected().size());
    assertTrue(millis < 2000, "took " + millis + " ms");
    assertEquals("catalog/compute/lol.yaml", result.rejected().get(0).file());
  }

  @Test
  void customTagsAreRejected() {
    CatalogLoader.Result result =
        change("catalog/compute/evil.yaml", "apiVersion: !!javax.script.ScriptEngineManager [x]\n");
    assertTrue(result.rejected().get(0).reason().contains("tag"), result.rejected().toString());
  }

  @Test
  void categoryMustMatchTheFolder() {
    String path = "catalog/compute/vm-instance.yaml";
    CatalogLoader.Result result = change("catalog/databases/vm-instance.yaml", sample(path), path);
    assertTrue(
        result.rejected().stream().anyMatch(r -> r.reason().contains("does not match its folder")),
        result.rejected().toString());
  }

  @Test
  void aDependencyCycleAndAMissingRequiredFieldRejectTheBundle() {
    String path = "bundles/service-starter.yaml";
    String cyclic =
        sample(path)
            .replace(
                "    - id: database\n      item: postgres-database\n",
                "    - id: database\n      item: postgres-database\n      dependsOn: [pipeline]\n")
            .replace(
                "      - id: ownerEmail\n        label: Owner e-mail\n        type: email\n        required: true\n",
                "");
    CatalogLoader.Result result = change(path, cyclic);
    String all = result.rejected().toString();
    assertTrue(all.contains("dependency cycle"), all);
    assertTrue(all.contains("ownerEmail"), all);
    assertEquals("2.1.0", result.snapshot().find("service-starter").orElseThrow().version());
  }

  @Test
  void componentValuesMustBeFieldsOfTheItemAndFitTheirRules() {
    String path = "bundles/service-starter.yaml";
    String broken =
        sample(path)
            .replace("        storageGb: 20\n", "        storageGb: 5\n        sizee: small\n");
    String all = change(path, broken).rejected().toString();
    assertTrue(all.contains("spec.components[0].values.storageGb"), all);
    assertTrue(all.contains("value for 'storageGb' must be at least 10"), all);
    assertTrue(
        all.contains(
            "'sizee' is not a field of item 'postgres-database'; its fields: name, size, storageGb"),
        all);
  }

  @Test
  void aFieldAnItemTemplateReadsWithoutAnyValueRejectsTheBundle() {
    String path = "bundles/service-starter.yaml";
    String broken = sample(path).replace("      values:\n        topics: [service]\n", "");
    String all = change(path, broken).rejected().toString();
    assertTrue(
        all.contains(
            "component 'repo': field 'topics' of item 'github-repository' would render empty in"
                + " '{{.current.topics | join \",\"}}' (action create-repo, inputs)"),
        all);
    assertEquals(
        "2.1.0",
        change(path, broken)
            .snapshot()
            .find(path.replace("bundles/", "").replace(".yaml", ""))
            .orElseThrow()
            .version());
  }

  @Test
  void anOutputReadBeforeItIsProducedIsRejected() {
    String path = "catalog/compute/vm-instance.yaml";
    String swapped =
        sample(path)
            .replace("disk_gb: \"{{.current.diskGb}}\"", "disk_gb: \"{{.output.vmTicketKey}}\"");
    CatalogLoader.Result result = change(path, swapped);
    assertEquals(1, result.rejected().size(), result.rejected().toString());
    assertEquals(lineOf(swapped, "vmTicketKey}}"), result.rejected().get(0).line());
  }

  @Test
  void duplicateIdsAcrossFilesAreRejected() {
    String path = "catalog/compute/vm-instance.yaml";
    CatalogLoader.Result result = change("catalog/compute/vm-copy.yaml", sample(path));
    assertTrue(
        result.rejected().get(0).reason().contains("already used"), result.rejected().toString());
  }

  @Test
  void metadataOfAnUnknownItemIsRejected() {
    String path = "catalog/databases/postgres-database.yaml";
    CatalogLoader.Result result =
        change(
            path,
            sample(path).replace(".metadata.postgres-database.sla", ".metadata.postgres-db.sla"));
    assertEquals(1, result.rejected().size(), result.rejected().toString());
    assertTrue(
        result.rejected().get(0).reason().contains("postgres-db"), result.rejected().toString());
  }

  @Test
  void problemsInsideBlockAndQuotedScalarsPointAtTheExpression() {
    String path = "catalog/messaging/kafka-topic.yaml";
    String broken =
        sample(path)
            .replace("partitions: {{.current.partitions}}", "partitions: {{.current.partitionz}}")
            .replace("Add topic {{.current.name}}", "Add topic {{.current.nam}}");
    CatalogLoader.Result result = change(path, broken);
    assertEquals(2, result.rejected().size(), result.rejected().toString());
    for (Rejection rejection : result.rejected()) {
      String needle =
          rejection.reason().contains("partitionz") ? "{{.current.partitionz" : "{{.current.nam}";
      assertEquals(lineOf(broken, needle), rejection.line(), rejection.toString());
      assertEquals(columnOf(broken, needle), rejection.column(), rejection.toString());
    }
  }

  private static int columnOf(String text, String needle) {
    return text.split("\n", -1)[lineOf(text, needle) - 1].indexOf(needle) + 1;
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle);
  }
}
