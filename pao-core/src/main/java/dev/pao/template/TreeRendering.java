package dev.pao.template;

import java.util.List;

/**
 * The result of rendering a structured template (a map, list or string, like an action's {@code
 * body}): two new trees of the same shape as the input, with every string rendered.
 *
 * @param value the real tree, for action payloads only
 * @param maskedValue the same tree with sensitive expressions shown as {@code ***}
 * @param references what each expression resolved to, with its location in the tree
 */
public record TreeRendering(Object value, Object maskedValue, List<ResolvedReference> references) {

  /** Copies the references so the result stays immutable. */
  public TreeRendering {
    references = List.copyOf(references);
  }

  /** Hides the real tree so a rendering never leaks a secret through logging. */
  @Override
  public String toString() {
    return "TreeRendering[maskedValue=" + maskedValue + "]";
  }
}
