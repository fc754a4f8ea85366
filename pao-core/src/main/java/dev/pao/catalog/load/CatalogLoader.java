package dev.pao.catalog.load;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.validation.DocumentValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the files of one commit into the next catalog snapshot. Every document is validated; a
 * document that fails is reported and the previous valid version at the same file (or with the same
 * id) stays served, so a broken commit never removes or corrupts a working item. Items are checked
 * before bundles, which are checked against the items that will be served. Documents whose content
 * did not change keep the commit they were first seen in. Plain Java, no container needed.
 */
public final class CatalogLoader {
  private final DocumentValidator validator = new DocumentValidator();

  /**
   * The next snapshot, what was rejected, which documents are new or changed, and warnings about
   * the documents of this commit that were served all the same (unknown teams).
   */
  public record Result(
      CatalogSnapshot snapshot,
      List<Rejection> rejected,
      List<CatalogDocument> changed,
      List<Rejection> warnings) {}

  public Result load(RepositoryFiles files, CatalogSnapshot previous, Instant now) {
    CodeOwners owners = files.codeOwners().map(CodeOwners::parse).orElse(CodeOwners.none());
    List<Rejection> rejected = new ArrayList<>();
    List<String> rejectedFiles = new ArrayList<>();
    Map<String, DocumentValidator.Parsed> parsedById = new LinkedHashMap<>();
    List<Map.Entry<String, String>> entries = List.copyOf(files.documents().entrySet());
    List<DocumentValidator.ParseResult> results =
        entries.parallelStream()
            .map(file -> validator.parse(file.getKey(), file.getValue(), files.commit()))
            .toList();
    for (int index = 0; index < entries.size(); index++) {
      Map.Entry<String, String> file = entries.get(index);
      DocumentValidator.ParseResult result = results.get(index);
      List<Rejection> problems = new ArrayList<>(result.rejections());
      if (result.parsed() != null) {
        problems.addAll(Placement.check(result.parsed()));
        DocumentValidator.Parsed earlier = parsedById.get(result.parsed().id());
        if (earlier != null) {
          problems.add(
              new Rejection(
                  file.getKey(),
                  result.parsed().yaml().positionOf("metadata.id").line(),
                  result.parsed().yaml().positionOf("metadata.id").column(),
                  "metadata.id",
                  "id '" + result.parsed().id() + "' is already used by " + earlier.file()));
        }
      }
      if (problems.isEmpty()) {
        parsedById.put(result.parsed().id(), result.parsed());
      } else {
        rejected.addAll(problems);
        rejectedFiles.add(file.getKey());
      }
    }
    Map<String, CatalogDocument> served = new LinkedHashMap<>();
    Map<String, CatalogDocument> knownItems = new HashMap<>();
    previous.items().forEach(item -> knownItems.put(item.id(), item));
    parsedById.values().stream()
        .filter(parsed -> parsed.kind() == DocumentKind.ITEM)
        .forEach(parsed -> knownItems.put(parsed.id(), parsed.document()));
    for (DocumentKind kind : DocumentKind.values()) {
      Map<String, CatalogDocument> context =
          switch (kind) {
            case ITEM -> knownItems;
            case BUNDLE -> itemsOf(served);
            case POLICY -> Map.copyOf(served);
          };
      List<DocumentValidator.Parsed> ofKind =
          parsedById.values().stream().filter(parsed -> parsed.kind() == kind).toList();
      List<DocumentValidator.Outcome> outcomes =
          ofKind.parallelStream()
              .map(
                  parsed ->
                      validator.check(parsed, Placement.folderCategory(parsed.file()), context))
              .toList();
      for (int index = 0; index < ofKind.size(); index++) {
        DocumentValidator.Parsed parsed = ofKind.get(index);
        DocumentValidator.Outcome outcome = outcomes.get(index);
        if (outcome.document().isPresent()) {
          served.put(parsed.id(), owned(outcome.document().get(), owners));
        } else {
          rejected.addAll(outcome.rejections());
          rejectedFiles.add(parsed.file());
        }
      }
      keepPrevious(previous, kind, rejectedFiles, parsedById, served);
    }
    List<CatalogDocument> changed = new ArrayList<>();
    List<CatalogDocument> result = new ArrayList<>();
    Map<String, CatalogDocument> previousById = new HashMap<>();
    previous.all().forEach(document -> previousById.put(document.id(), document));
    for (CatalogDocument document : served.values()) {
      Optional<CatalogDocument> before = Optional.ofNullable(previousById.get(document.id()));
      if (before.isPresent() && before.get().contentHash().equals(document.contentHash())) {
        result.add(before.get());
      } else {
        result.add(document);
        changed.add(document);
      }
    }
    Set<String> teams = new HashSet<>(owners.teams());
    result.forEach(document -> teams.add(document.owner()));
    List<Rejection> warnings = new ArrayList<>();
    for (DocumentValidator.Parsed parsed : parsedById.values()) {
      if (served.containsKey(parsed.id()) && !rejectedFiles.contains(parsed.file())) {
        warnings.addAll(TeamReferences.unknown(parsed, teams));
      }
    }
    return new Result(
        new CatalogSnapshot(files.commit(), now, result), rejected, changed, warnings);
  }

  private static void keepPrevious(
      CatalogSnapshot previous,
      DocumentKind kind,
      List<String> rejectedFiles,
      Map<String, DocumentValidator.Parsed> parsedById,
      Map<String, CatalogDocument> served) {
    for (CatalogDocument old : previous.all()) {
      if (old.kind() != kind || served.containsKey(old.id())) {
        continue;
      }
      boolean sameFileRejected = rejectedFiles.contains(old.path());
      DocumentValidator.Parsed sameId = parsedById.get(old.id());
      boolean sameIdRejected = sameId != null && rejectedFiles.contains(sameId.file());
      if (sameFileRejected || sameIdRejected) {
        served.put(old.id(), old);
      }
    }
  }

  private static Map<String, CatalogDocument> itemsOf(Map<String, CatalogDocument> served) {
    Map<String, CatalogDocument> items = new HashMap<>();
    served.values().stream()
        .filter(document -> document.kind() == DocumentKind.ITEM)
        .forEach(item -> items.put(item.id(), item));
    return items;
  }

  private static CatalogDocument owned(CatalogDocument document, CodeOwners owners) {
    if (document.owner() != null) {
      return document;
    }
    return owners.teamOf(document.path()).map(document::ownedBy).orElse(document);
  }
}
