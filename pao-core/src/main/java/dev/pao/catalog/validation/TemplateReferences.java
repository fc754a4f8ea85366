package dev.pao.catalog.validation;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.template.TemplateContext;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateProblem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every template of an item's actions with the template engine's validate phase: {@code
 * .current} paths must be declared fields, {@code .output} keys produced by an earlier action,
 * {@code .metadata} must name a known item (and one of its keys), {@code .system} a known key.
 */
final class TemplateReferences {
  private static final Set<String> NOT_TEMPLATES =
      Set.of("id", "type", "outputs", "timeoutSeconds");
  private static final TemplateEngine ENGINE = new TemplateEngine();
  private static final Pattern METADATA_REFERENCE =
      Pattern.compile("\\.metadata\\.([A-Za-z0-9_-]+)");

  /** A template problem and the document path of the string it is in. */
  record Found(String path, TemplateProblem problem) {}

  private TemplateReferences() {}

  static List<Found> check(
      List<?> actions, Set<String> fieldPaths, Map<String, CatalogDocument> knownItems) {
    List<Found> found = new java.util.ArrayList<>();
    Set<String> earlier = new HashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      if (!(actions.get(i) instanceof Map<?, ?> raw)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> action = (Map<String, Object>) raw;
      String id = String.valueOf(action.get("id"));
      TemplateContext.Builder context =
          TemplateContext.builder()
              .currentFields(fieldPaths)
              .earlierOutputs(earlier)
              .action(id, ActionRules.outputsOf(action));
      for (int later = i + 1; later < actions.size(); later++) {
        if (actions.get(later) instanceof Map<?, ?> next) {
          @SuppressWarnings("unchecked")
          Map<String, Object> laterAction = (Map<String, Object>) next;
          context.laterOutputs(
              String.valueOf(laterAction.get("id")), ActionRules.outputsOf(laterAction));
        }
      }
      Map<String, Object> templates = new LinkedHashMap<>(action);
      templates.keySet().removeAll(NOT_TEMPLATES);
      for (String itemId : metadataItemsNamed(templates)) {
        CatalogDocument item = knownItems.get(itemId);
        if (item != null) {
          context.metadataItem(itemId, item.custom().keySet());
        }
      }
      String at = "spec.fulfillment.actions[" + i + "]";
      for (TemplateProblem problem : ENGINE.validateTree(templates, context.build())) {
        String path = problem.location().isEmpty() ? at : at + "." + problem.location();
        found.add(new Found(path, problem));
      }
      earlier.addAll(ActionRules.outputsOf(action));
    }
    return found;
  }

  /**
   * The item ids that {@code .metadata.<id>} references in the strings of {@code tree} name. Only
   * those items are declared to the engine, so checking stays linear in the catalog's size; an id
   * that is not a known item is left undeclared and reported by the engine.
   */
  static Set<String> metadataItemsNamed(Object tree) {
    Set<String> ids = new HashSet<>();
    collect(tree, ids);
    return ids;
  }

  private static void collect(Object node, Set<String> ids) {
    if (node instanceof String text) {
      if (text.contains(".metadata.")) {
        Matcher matcher = METADATA_REFERENCE.matcher(text);
        while (matcher.find()) {
          ids.add(matcher.group(1));
        }
      }
    } else if (node instanceof Map<?, ?> map) {
      map.values().forEach(value -> collect(value, ids));
    } else if (node instanceof List<?> list) {
      list.forEach(value -> collect(value, ids));
    }
  }
}
