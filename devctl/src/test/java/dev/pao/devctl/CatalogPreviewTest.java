package dev.pao.devctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogPreviewTest {
  private static final String WITH_SECRET =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata:
        id: secret-db
        name: Database with a password
        version: 1.0.0
        category: databases
        custom: {tier: gold}
      spec:
        form:
          fields:
            - {id: name, type: string, required: true}
            - {id: size, type: select, options: [small, large], default: small}
            - {id: password, type: string, sensitive: true}
        fulfillment:
          actions:
            - id: create
              type: rest
              method: POST
              url: "https://api.example.com/dbs/{{.current.name}}"
              body:
                name: "{{.current.name | upper}}"
                size: "{{.current.size}}"
                password: "{{.current.password}}"
                tier: "{{.metadata.secret-db.tier}}"
              outputs: {dbId: $.body.id}
            - id: ticket
              type: jira
              project: OPS
              issueType: Task
              summary: "Database {{.output.dbId}} for {{.system.user.email}}"
      """;

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void rendersEveryActionWithDefaultsPlaceholdersAndMaskedSecrets() {
    Path root = BrokenCatalog.copyOfSamples(work.resolve("repo"));
    BrokenCatalog.write(root, "catalog/databases/secret-db.yaml", WITH_SECRET);
    BrokenCatalog.write(work, "data.yaml", "name: orders\npassword: hunter2-hunter2\n");
    CliDriver.Result result =
        new CliDriver(home)
            .run(
                "catalog",
                "preview",
                root.resolve("catalog/databases/secret-db.yaml").toString(),
                "--data",
                work.resolve("data.yaml").toString(),
                "--email",
                "ada@example.com");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("url: https://api.example.com/dbs/orders"), result.out());
    assertTrue(result.out().contains("name: ORDERS"), result.out());
    assertTrue(result.out().contains("size: small"), result.out());
    assertTrue(result.out().contains("tier: gold"), result.out());
    assertTrue(result.out().contains("password: '***'"), result.out());
    assertFalse(result.out().contains("hunter2"), result.out());
    assertTrue(result.out().contains("summary: Database <dbId> for ada@example.com"), result.out());
  }

  @Test
  void aBundleRendersItsComponentsAndFormProblemsExitWithOne() {
    CliDriver.Result result =
        new CliDriver(home)
            .run(
                "catalog",
                "preview",
                BrokenCatalog.samples().resolve("bundles/service-starter.yaml").toString(),
                "--set",
                "name=orders",
                "-o",
                "json");
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.out().contains("\"component\": \"database\""), result.out());
    assertTrue(result.out().contains("\"field\": \"ownerEmail\""), result.out());
    assertTrue(result.out().contains("\"field\": \"network.vpc\""), result.out());
    // Each component renders with its item's defaults and the bundle's fixed values.
    assertTrue(result.out().contains("Create PostgreSQL orders (small)"), result.out());
    assertTrue(result.out().contains("storage: 20 GiB"), result.out());
  }

  @Test
  void aRejectedDocumentIsNotPreviewed() {
    BrokenCatalog.write(work, "typo.yaml", BrokenCatalog.TEMPLATE_TYPO);
    CliDriver.Result result =
        new CliDriver(home).run("catalog", "preview", work.resolve("typo.yaml").toString());
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.err().contains("typo.yaml:17:25: "), result.toString());
    assertEquals("", result.out());
  }
}
