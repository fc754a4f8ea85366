package dev.pao.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Walks a structured template (maps, lists, strings and scalars, like an action's {@code body}):
 * every string is a template, map keys stay literal, other scalars are kept as they are. Depth and
 * node count are bounded, which also stops cyclic structures. Locations read like {@code
 * headers.Accept} or {@code items[2].name}.
 */
final class TemplateTree {

  /** A rendered node: the real and the masked value. */
  private record Node(Object value, Object masked) {}

  private final TemplateLimits limits;
  private int nodes;

  private TemplateTree(TemplateLimits limits) {
    this.limits = limits;
  }

  /** Renders every string of {@code tree} with {@code renderer}, keeping the shape. */
  static TreeRendering render(
      Object tree, TemplateLimits limits, Function<String, Rendering> renderer) {
    List<ResolvedReference> references = new ArrayList<>();
    Node root = new TemplateTree(limits).render(tree, "", 0, renderer, references);
    return new TreeRendering(root.value(), root.masked(), references);
  }

  /** Checks every string of {@code tree} with {@code checker}, locating each problem. */
  static List<TemplateProblem> validate(
      Object tree, TemplateLimits limits, Function<String, List<TemplateProblem>> checker) {
    List<TemplateProblem> problems = new ArrayList<>();
    try {
      new TemplateTree(limits).validate(tree, "", 0, checker, problems);
    } catch (TemplateException tooLarge) {
      problems.add(tooLarge.toProblem());
    }
    return List.copyOf(problems);
  }

  private Node render(
      Object node,
      String location,
      int depth,
      Function<String, Rendering> renderer,
      List<ResolvedReference> references) {
    enter(location, depth);
    if (node instanceof String source) {
      Rendering rendering;
      try {
        rendering = renderer.apply(source);
      } catch (TemplateException e) {
        throw e.within(location);
      }
      for (ResolvedReference reference : rendering.references()) {
        references.add(reference.within(location));
      }
      return new Node(rendering.text(), rendering.maskedText());
    }
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> values = new LinkedHashMap<>();
      Map<Object, Object> masked = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String inner = child(location, entry.getKey());
        Node rendered = render(entry.getValue(), inner, depth + 1, renderer, references);
        values.put(entry.getKey(), rendered.value());
        masked.put(entry.getKey(), rendered.masked());
      }
      return new Node(Collections.unmodifiableMap(values), Collections.unmodifiableMap(masked));
    }
    if (node instanceof Collection<?> list) {
      List<Object> values = new ArrayList<>(list.size());
      List<Object> masked = new ArrayList<>(list.size());
      int index = 0;
      for (Object element : list) {
        Node rendered =
            render(element, location + "[" + index++ + "]", depth + 1, renderer, references);
        values.add(rendered.value());
        masked.add(rendered.masked());
      }
      return new Node(Collections.unmodifiableList(values), Collections.unmodifiableList(masked));
    }
    return new Node(node, node);
  }

  private void validate(
      Object node,
      String location,
      int depth,
      Function<String, List<TemplateProblem>> checker,
      List<TemplateProblem> problems) {
    enter(location, depth);
    if (node instanceof String source) {
      for (TemplateProblem problem : checker.apply(source)) {
        problems.add(problem.within(location));
      }
    } else if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        validate(entry.getValue(), child(location, entry.getKey()), depth + 1, checker, problems);
      }
    } else if (node instanceof Collection<?> list) {
      int index = 0;
      for (Object element : list) {
        validate(element, location + "[" + index++ + "]", depth + 1, checker, problems);
      }
    }
  }

  private void enter(String location, int depth) {
    if (depth > limits.maxTreeDepth()) {
      throw limit(location, "structure is nested deeper than " + limits.maxTreeDepth() + " levels");
    }
    if (++nodes > limits.maxTreeNodes()) {
      throw limit(location, "structure has more than " + limits.maxTreeNodes() + " nodes");
    }
  }

  private static TemplateException limit(String location, String reason) {
    return new TemplateException(TemplateException.Kind.LIMIT, reason, 1, 1).within(location);
  }

  private static String child(String location, Object key) {
    String name =
        key instanceof CharSequence || key instanceof Number || key instanceof Boolean
            ? key.toString()
            : "?";
    return location.isEmpty() ? name : location + "." + name;
  }
}
