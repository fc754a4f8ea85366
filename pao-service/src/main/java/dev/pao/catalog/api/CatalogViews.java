package dev.pao.catalog.api;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.domain.SyncReport;
import dev.pao.catalog.rules.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the API's views of catalog documents as ordered maps: the API's own names are
 * snake_case, document content keeps its own keys.
 */
final class CatalogViews {
  /** The fields of a list entry, in order; {@code ?fields=} picks among them. */
  static final List<String> SUMMARY_FIELDS =
      List.of(
          "id",
          "kind",
          "name",
          "version",
          "description",
          "category",
          "owner",
          "tags",
          "custom",
          "components",
          "access",
          "commit");

  private CatalogViews() {}

  /**
   * The entry of a list: the document and whether this caller may request it (with the rule and the
   * reason when not).
   */
  static Map<String, Object> summary(CatalogDocument document, Access.Decision access) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", document.id());
    view.put("kind", document.kind().apiName());
    view.put("name", document.name());
    view.put("version", document.version());
    view.put("description", document.description());
    view.put("category", document.category());
    view.put("owner", document.owner());
    view.put("tags", document.tags());
    view.put("custom", document.custom());
    if (document.kind() == DocumentKind.BUNDLE) {
      view.put("components", ReadOnly.listAt(document.spec(), "components"));
    }
    view.put("access", access(access));
    view.put("commit", document.commit());
    return view;
  }

  private static Map<String, Object> access(Access.Decision decision) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("allowed", decision.allowed());
    if (!decision.allowed()) {
      view.put("reason", decision.reason());
      view.put("rule", decision.rule());
    }
    return view;
  }

  /** The document in full, with its approval rule when it has one. */
  static Map<String, Object> detail(CatalogDocument document, Access.Decision access) {
    Map<String, Object> view = summary(document, access);
    Object approval = document.spec().get("approval");
    if (approval != null) {
      view.put("approval", approval);
    }
    view.put("path", document.path());
    view.put("form", FormView.of(document.definition()));
    if (document.kind() == DocumentKind.ITEM) {
      List<Object> actions = new ArrayList<>();
      for (Object raw :
          ReadOnly.listAt(ReadOnly.mapAt(document.spec(), "fulfillment"), "actions")) {
        Map<?, ?> action = (Map<?, ?>) raw;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", action.get("id"));
        entry.put("type", action.get("type"));
        Object outputs = action.get("outputs");
        entry.put(
            "outputs", outputs instanceof Map<?, ?> map ? List.copyOf(map.keySet()) : List.of());
        entry.put("target", target(action));
        actions.add(entry);
      }
      view.put("actions", actions);
    }
    return view;
  }

  /**
   * Where an action goes, in the document's own keys (JIRA project, REST method and URL, GitHub
   * repository, Terraform workspace), so a reader can tell in plain words what a request will do.
   * Templates stay unrendered; secrets are never in a document.
   */
  private static Map<String, Object> target(Map<?, ?> action) {
    Map<String, Object> target = new LinkedHashMap<>();
    for (String key : TARGET_KEYS) {
      if (action.get(key) instanceof String value) {
        target.put(key, value);
      }
    }
    return target;
  }

  private static final List<String> TARGET_KEYS =
      List.of(
          "instance",
          "project",
          "issueType",
          "method",
          "url",
          "repository",
          "workflow",
          "path",
          "organization",
          "workspace");

  private static List<Object> problems(List<Rejection> found) {
    List<Object> problems = new ArrayList<>();
    for (Rejection rejection : found) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", rejection.file());
      entry.put("line", rejection.line());
      entry.put("column", rejection.column());
      entry.put("path", rejection.path());
      entry.put("reason", rejection.reason());
      problems.add(entry);
    }
    return problems;
  }

  static Map<String, Object> sync(SyncReport report) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", report.status());
    view.put("commit", report.commit());
    view.put("branch", report.branch());
    view.put("trigger", report.trigger());
    view.put("source", report.source());
    view.put("started_at", report.startedAt().toString());
    view.put("duration_ms", report.durationMillis());
    view.put("documents_loaded", report.documentsLoaded());
    view.put("rejected", problems(report.rejected()));
    view.put("warnings", problems(report.warnings()));
    view.put("error", report.error());
    return view;
  }
}
