package dev.pao.catalog.validation;

import dev.pao.catalog.document.ReadOnly;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic rules of an item's actions: ids unique, each action has the keys its type needs and only
 * keys its type knows, and every output key is produced by one action only.
 */
final class ActionRules {
  private static final Set<String> COMMON = Set.of("id", "type", "outputs", "timeoutSeconds");

  private static final Map<String, Set<String>> REQUIRED =
      Map.of(
          "jira", Set.of("project", "issueType", "summary"),
          "rest", Set.of("method", "url"),
          "github-commit", Set.of("repository", "path", "content", "message"),
          "github-workflow", Set.of("repository", "workflow"),
          "terraform", Set.of("organization", "workspace"));

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "jira",
          Set.of(
              "instance",
              "project",
              "issueType",
              "summary",
              "description",
              "priority",
              "labels",
              "components",
              "fields"),
          "rest",
          Set.of("method", "url", "headers", "body", "auth", "successCodes", "description"),
          "github-commit",
          Set.of(
              "instance",
              "repository",
              "branch",
              "path",
              "content",
              "message",
              "pullRequest",
              "description"),
          "github-workflow",
          Set.of("instance", "repository", "workflow", "ref", "inputs", "wait", "description"),
          "terraform",
          Set.of(
              "instance",
              "organization",
              "workspace",
              "variables",
              "autoApply",
              "wait",
              "description"));

  private ActionRules() {}

  static void check(List<?> actions, List<Problem> problems) {
    Set<String> ids = new HashSet<>();
    Map<String, String> producers = new HashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      if (!(actions.get(i) instanceof Map<?, ?> raw)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> action = (Map<String, Object>) raw;
      String at = "spec.fulfillment.actions[" + i + "]";
      String id = String.valueOf(action.get("id"));
      if (!ids.add(id)) {
        problems.add(Problem.at(at + ".id", "duplicate action id '" + id + "'"));
      }
      String type = String.valueOf(action.get("type"));
      for (String key : REQUIRED.getOrDefault(type, Set.of())) {
        if (!action.containsKey(key)) {
          problems.add(Problem.at(at, "a " + type + " action needs '" + key + "'"));
        }
      }
      Set<String> allowed = ALLOWED.getOrDefault(type, Set.of());
      for (String key : action.keySet()) {
        if (!COMMON.contains(key) && !allowed.contains(key)) {
          problems.add(
              Problem.at(at + "." + key, "'" + key + "' is not a key of a " + type + " action"));
        }
      }
      for (String output : ReadOnly.mapAt(action, "outputs").keySet()) {
        String earlier = producers.putIfAbsent(output, id);
        if (earlier != null) {
          problems.add(
              Problem.at(
                  at + ".outputs." + output,
                  "output key '" + output + "' is already produced by action '" + earlier + "'"));
        }
      }
    }
  }

  /** The output keys an action declares. */
  static Set<String> outputsOf(Map<String, Object> action) {
    return ReadOnly.mapAt(action, "outputs").keySet();
  }
}
