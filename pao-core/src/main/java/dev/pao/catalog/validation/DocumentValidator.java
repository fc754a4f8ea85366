package dev.pao.catalog.validation;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.yaml.ParsedYaml;
import dev.pao.catalog.yaml.Position;
import dev.pao.catalog.yaml.SafeYaml;
import dev.pao.catalog.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one catalog document at publish time: safe YAML parsing, the JSON Schema, then the
 * semantic rules. Every problem is reported with the file, line and column it points at, so an
 * author sees all of them at once. Thread-safe.
 */
public final class DocumentValidator {
  private final SafeYaml yaml = SafeYaml.forCatalog();
  private final CatalogSchema schema = CatalogSchema.get();

  /** A parsed document before the semantic rules: its tree, positions and basic identity. */
  public record Parsed(
      String file, ParsedYaml yaml, DocumentKind kind, String id, CatalogDocument document) {
    public Map<String, Object> definition() {
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) yaml.tree();
      return tree;
    }
  }

  /** The result of validating a document: the document when valid, the rejections otherwise. */
  public record Outcome(Optional<CatalogDocument> document, List<Rejection> rejections) {}

  /**
   * Parses {@code text} and checks it against the schema.
   *
   * @return the parsed document, or the rejections
   */
  public ParseResult parse(String file, String text, String commit) {
    ParsedYaml parsed;
    try {
      parsed = yaml.parse(text);
    } catch (YamlProblem e) {
      return new ParseResult(
          null, List.of(new Rejection(file, e.line(), e.column(), "", e.getMessage())));
    }
    List<Rejection> rejections = new ArrayList<>();
    for (Problem problem : schema.check(parsed.tree())) {
      rejections.add(rejection(file, parsed, problem));
    }
    if (!rejections.isEmpty()) {
      rejections.sort(
          java.util.Comparator.comparingInt(Rejection::line).thenComparingInt(Rejection::column));
      return new ParseResult(null, rejections);
    }
    Map<?, ?> tree = (Map<?, ?>) parsed.tree();
    DocumentKind kind = DocumentKind.of(tree.get("kind")).orElseThrow();
    String id = String.valueOf(((Map<?, ?>) tree.get("metadata")).get("id"));
    @SuppressWarnings("unchecked")
    CatalogDocument document =
        CatalogDocument.fromDefinition(kind, file, commit, (Map<String, Object>) tree);
    return new ParseResult(new Parsed(file, parsed, kind, id, document), List.of());
  }

  /** A parsed document, or why it could not be parsed. */
  public record ParseResult(Parsed parsed, List<Rejection> rejections) {}

  /**
   * Applies the semantic rules to a parsed document.
   *
   * @param folderCategory the category the document's folder stands for, when it has one
   * @param knownItems the items a template's {@code .metadata} and a bundle's components may name
   *     (for a policy: the items and bundles it may apply to)
   */
  public Outcome check(
      Parsed parsed, Optional<String> folderCategory, Map<String, CatalogDocument> knownItems) {
    Map<String, Object> definition = parsed.definition();
    Map<String, Object> metadata = ReadOnly.mapAt(definition, "metadata");
    Map<String, Object> spec = ReadOnly.mapAt(definition, "spec");
    Map<String, Object> form = ReadOnly.mapAt(spec, "form");
    List<Problem> problems = new ArrayList<>();
    FormRules.check(form, problems);
    Set<String> fieldPaths = new LinkedHashSet<>();
    FormFields.of(form).forEach(field -> fieldPaths.add(field.path()));
    List<Rejection> rejections = new ArrayList<>();
    Object category = metadata.get("category");
    if (parsed.kind() == DocumentKind.ITEM) {
      if (category == null) {
        problems.add(Problem.at("metadata", "'category' is required for a CatalogItem"));
      } else if (folderCategory.isPresent() && !folderCategory.get().equals(category)) {
        problems.add(
            Problem.at(
                "metadata.category",
                "category '"
                    + category
                    + "' does not match its folder '"
                    + folderCategory.get()
                    + "'"));
      }
      List<?> actions = ReadOnly.listAt(ReadOnly.mapAt(spec, "fulfillment"), "actions");
      ActionRules.check(actions, problems);
      for (TemplateReferences.Found found :
          TemplateReferences.check(actions, fieldPaths, withSelf(knownItems, parsed))) {
        Position position =
            parsed
                .yaml()
                .positionOf(found.path())
                .inside(found.problem().line(), found.problem().column());
        rejections.add(
            new Rejection(
                parsed.file(),
                position.line(),
                position.column(),
                found.path(),
                found.problem().message()));
      }
    } else if (parsed.kind() == DocumentKind.BUNDLE) {
      BundleRules.check(spec, fieldPaths, knownItems, problems);
    }
    GovernanceRules.check(parsed.kind(), spec, knownItems, problems);
    for (Problem problem : problems) {
      rejections.add(rejection(parsed.file(), parsed.yaml(), problem));
    }
    if (!rejections.isEmpty()) {
      rejections.sort(
          java.util.Comparator.comparingInt(Rejection::line).thenComparingInt(Rejection::column));
      return new Outcome(Optional.empty(), rejections);
    }
    return new Outcome(Optional.of(parsed.document()), List.of());
  }

  /**
   * The items a template may name, with the document under check in place of any other version of
   * it: an edit that adds a custom metadata key may read that key at once.
   */
  private static Map<String, CatalogDocument> withSelf(
      Map<String, CatalogDocument> knownItems, Parsed parsed) {
    if (knownItems.get(parsed.id()) == parsed.document()) {
      return knownItems;
    }
    Map<String, CatalogDocument> all = new java.util.HashMap<>(knownItems);
    all.put(parsed.id(), parsed.document());
    return all;
  }

  private static Rejection rejection(String file, ParsedYaml parsed, Problem problem) {
    Position position = parsed.positionOf(problem.path());
    return new Rejection(
        file, position.line(), position.column(), problem.path(), problem.message());
  }
}
