package dev.pao.catalog.validation;

import dev.pao.catalog.domain.CatalogDocument;
import dev.pao.catalog.domain.ReadOnly;
import dev.pao.template.TemplateContext;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateProblem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every template of an item's actions with the template engine's validate phase: {@code
 * .current} paths must be declared fields, {@code .output} keys produced by an earlier action,
 * {@code .metadata} must name a known item (and one of its keys), {@code .system} a known key.
 */
final class TemplateReferences {
  private static final Set<String> NOT_TEMPLATES =
      Set.of("id", "type", "outputs", "timeoutSeconds");
  private static final TemplateEngine ENGINE = new TemplateEngine();

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
      knownItems.forEach((itemId, item) -> context.metadataItem(itemId, item.custom().keySet()));
      Map<String, Object> templates = new LinkedHashMap<>(action);
      templates.keySet().removeAll(NOT_TEMPLATES);
      String at = "spec.fulfillment.actions[" + i + "]";
      for (TemplateProblem problem : ENGINE.validateTree(templates, context.build())) {
        String path = problem.location().isEmpty() ? at : at + "." + problem.location();
        found.add(new Found(path, problem));
      }
      earlier.addAll(ActionRules.outputsOf(action));
    }
    return found;
  }

  /** The custom metadata keys of a document definition. */
  static Set<String> customKeys(Map<String, Object> definition) {
    return ReadOnly.mapAt(ReadOnly.mapAt(definition, "metadata"), "custom").keySet();
  }
}
