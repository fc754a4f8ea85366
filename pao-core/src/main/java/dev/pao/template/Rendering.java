package dev.pao.template;

import java.util.List;
import java.util.Objects;

/**
 * The result of rendering one template.
 *
 * @param text the real output, for action payloads only
 * @param maskedText the same output with every sensitive expression shown as {@code ***}, for logs,
 *     previews and audit
 * @param references what each expression resolved to, in source order, masked where sensitive
 */
public record Rendering(String text, String maskedText, List<ResolvedReference> references) {

  /** Copies the references so the result stays immutable. */
  public Rendering {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(maskedText, "maskedText");
    references = List.copyOf(references);
  }

  /** Hides the real text so a rendering never leaks a secret through logging. */
  @Override
  public String toString() {
    return "Rendering[maskedText=" + maskedText + "]";
  }
}
