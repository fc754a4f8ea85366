package dev.pao.devctl.catalog;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.load.CatalogLoader;
import dev.pao.catalog.load.RepositoryFiles;
import dev.pao.catalog.validation.DocumentValidator;
import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates catalog files on disk with exactly the service's code. A path inside a checkout (or the
 * checkout itself) is checked as part of the whole checkout, the way a sync checks a commit:
 * placement, unique ids, bundles against the items. A file outside any checkout is checked on its
 * own, the way {@code POST /api/v1/tools/validate} checks a posted document.
 */
final class OfflineCatalog {
  private final CatalogLoader loader = new CatalogLoader();
  private final DocumentValidator validator = new DocumentValidator();

  /**
   * What was checked: every finding, how many documents, the valid documents by file, and every
   * valid item by id (what templates and bundles may name).
   */
  record Verdict(
      List<Finding> findings,
      int documents,
      Map<Path, CatalogDocument> valid,
      Map<String, CatalogDocument> items) {}

  Verdict check(List<Path> paths) {
    Map<CatalogCheckout, List<Path>> byCheckout = new LinkedHashMap<>();
    List<Path> standalone = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new DevctlException(ExitCodes.USAGE, "No such file or directory: " + path);
      }
      Optional<CatalogCheckout> checkout = CatalogCheckout.containing(path);
      if (checkout.isPresent()) {
        byCheckout.computeIfAbsent(checkout.get(), key -> new ArrayList<>()).add(path);
      } else if (Files.isDirectory(path)) {
        throw new DevctlException(
            ExitCodes.USAGE, path + " is not a catalog checkout (no catalog/ or bundles/ folder)");
      } else {
        standalone.add(path);
      }
    }
    List<Finding> findings = new ArrayList<>();
    Map<Path, CatalogDocument> valid = new LinkedHashMap<>();
    Map<String, CatalogDocument> items = new LinkedHashMap<>();
    int documents = 0;
    for (Map.Entry<CatalogCheckout, List<Path>> entry : byCheckout.entrySet()) {
      documents += checkCheckout(entry.getKey(), entry.getValue(), findings, valid, items);
    }
    documents += checkStandalone(standalone, findings, valid, items);
    findings.sort(
        Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column));
    return new Verdict(findings, documents, valid, items);
  }

  private int checkCheckout(
      CatalogCheckout checkout,
      List<Path> selected,
      List<Finding> findings,
      Map<Path, CatalogDocument> valid,
      Map<String, CatalogDocument> items) {
    RepositoryFiles files = checkout.read();
    List<String> prefixes = selected.stream().map(checkout::relative).toList();
    CatalogLoader.Result result = loader.load(files, CatalogSnapshot.empty(), Instant.now());
    int documents = 0;
    for (String file : files.documents().keySet()) {
      if (isSelected(file, prefixes)) {
        documents++;
      }
    }
    for (Rejection rejection : result.rejected()) {
      if (isSelected(rejection.file(), prefixes)) {
        findings.add(Finding.of(shown(checkout.root().resolve(rejection.file())), rejection));
      }
    }
    result.snapshot().items().forEach(item -> items.put(item.id(), item));
    for (CatalogDocument document : result.snapshot().all()) {
      if (isSelected(document.path(), prefixes)) {
        valid.put(checkout.root().resolve(document.path()), document);
      }
    }
    return documents;
  }

  private static boolean isSelected(String file, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (prefix.isEmpty() || file.equals(prefix) || file.startsWith(prefix + "/")) {
        return true;
      }
    }
    return false;
  }

  private int checkStandalone(
      List<Path> files,
      List<Finding> findings,
      Map<Path, CatalogDocument> valid,
      Map<String, CatalogDocument> knownItems) {
    Map<Path, DocumentValidator.Parsed> parsed = new LinkedHashMap<>();
    for (Path file : files) {
      DocumentValidator.ParseResult result =
          validator.parse(shown(file), CatalogCheckout.text(file), "working-tree");
      if (result.parsed() == null) {
        result.rejections().forEach(rejection -> findings.add(Finding.of(shown(file), rejection)));
      } else {
        parsed.put(file, result.parsed());
      }
    }
    Map<String, CatalogDocument> items = new HashMap<>(knownItems);
    parsed.values().stream()
        .filter(document -> document.kind() == DocumentKind.ITEM)
        .forEach(document -> items.put(document.id(), document.document()));
    parsed.forEach(
        (file, document) -> {
          DocumentValidator.Outcome outcome = validator.check(document, Optional.empty(), items);
          outcome
              .rejections()
              .forEach(rejection -> findings.add(Finding.of(shown(file), rejection)));
          outcome
              .document()
              .ifPresent(checked -> valid.put(file.toAbsolutePath().normalize(), checked));
          outcome
              .document()
              .filter(checked -> checked.kind() == DocumentKind.ITEM)
              .ifPresent(checked -> knownItems.put(checked.id(), checked));
        });
    return files.size();
  }

  /** A path as the user can open it from the working directory. */
  static String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }
}
