package dev.pao.devctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A copy of the sample catalog, to which tests add broken documents. */
public final class BrokenCatalog {
  private BrokenCatalog() {}

  public static Path samples() {
    return Path.of(System.getProperty("pao.project.dir", "..")).resolve("catalog-samples");
  }

  /** Copies the sample catalog into {@code target}. */
  public static Path copyOfSamples(Path target) {
    Path source = samples();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  public static void write(Path root, String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An item with a misspelt template reference in line 17, column 25 (its expression). */
  public static final String TEMPLATE_TYPO =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata:
        id: typo-cache
        name: Cache with a typo
        version: 1.0.0
        category: databases
      spec:
        form:
          fields:
            - {id: name, type: string, required: true}
        fulfillment:
          actions:
            - id: ticket
              type: jira
              project: OPS
              summary: "Cache {{.current.nmae}}"
              issueType: Task
      """;

  /** A YAML syntax error: an unclosed flow sequence. */
  public static final String BAD_YAML =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata:
        id: bad-yaml
        tags: [one, two
        name: Broken
      """;

  /** A schema violation: metadata.version missing, an unknown field type. */
  public static final String SCHEMA_VIOLATION =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata:
        id: no-version
        name: Without a version
        category: databases
      spec:
        form:
          fields:
            - {id: name, type: colour}
        fulfillment:
          actions:
            - {id: call, type: rest, method: POST, url: "https://api.example.com/x"}
      """;

  /** An item in the wrong category folder. */
  public static final String WRONG_CATEGORY =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata:
        id: misplaced
        name: Misplaced
        version: 1.0.0
        category: compute
      spec:
        form:
          fields:
            - {id: name, type: string, required: true}
        fulfillment:
          actions:
            - {id: call, type: rest, method: POST, url: "https://api.example.com/{{.current.name}}"}
      """;

  /** A bundle naming an item that does not exist. */
  public static final String UNKNOWN_COMPONENT =
      """
      apiVersion: pao/v1
      kind: CatalogBundle
      metadata: {id: ghost-bundle, name: Ghost bundle, version: 1.0.0}
      spec:
        form:
          fields:
            - {id: name, type: string, required: true}
        components:
          - {id: first, item: no-such-item}
      """;

  /** Writes every broken document into the checkout at {@code root}. */
  public static void addBrokenDocuments(Path root) {
    write(root, "catalog/databases/typo-cache.yaml", TEMPLATE_TYPO);
    write(root, "catalog/databases/bad-yaml.yaml", BAD_YAML);
    write(root, "catalog/databases/no-version.yaml", SCHEMA_VIOLATION);
    write(root, "catalog/databases/misplaced.yaml", WRONG_CATEGORY);
    write(root, "bundles/ghost-bundle.yaml", UNKNOWN_COMPONENT);
  }
}
