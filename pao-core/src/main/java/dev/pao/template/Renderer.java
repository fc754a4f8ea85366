package dev.pao.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders one parsed template: resolves each expression's path, applies its functions, escapes the
 * result for the target and builds the real and the masked text side by side.
 */
final class Renderer {

  private Renderer() {}

  static Rendering render(
      Template template, Namespaces namespaces, Escaping escaping, RenderBudget budget) {
    ValueText values = new ValueText(budget);
    Insertion insertion = Insertion.forEscaping(escaping);
    StringBuilder text = new StringBuilder(template.source().length() + 64);
    StringBuilder masked = new StringBuilder(template.source().length() + 64);
    List<Expression> expressions = template.references();
    List<ResolvedReference> references = new ArrayList<>(expressions.size());
    for (int i = 0; ; i++) {
      String literal = template.textBefore(i);
      budget.output(literal.length());
      text.append(literal);
      masked.append(literal);
      insertion.literal(literal);
      if (i == expressions.size()) {
        break;
      }
      Expression expression = expressions.get(i);
      budget.at(expression);
      Object value = PathLookup.find(namespaces.of(expression.namespace()), expression.path());
      boolean present = value != null;
      for (FunctionCall call : expression.functions()) {
        value = Functions.apply(call, value, values);
      }
      String path = expression.pathText();
      boolean sensitive = namespaces.isSensitive(expression.namespace(), path);
      String inserted = insertion.insert(value, values);
      budget.output(inserted.length());
      text.append(inserted);
      masked.append(sensitive ? insertion.mask() : inserted);
      budget.checkLength(masked.length());
      insertion.afterValue();
      String resolved = sensitive ? Insertion.MASK : values.text(value);
      references.add(
          new ResolvedReference(
              "", expression.source(), expression.namespace(), path, resolved, present, sensitive));
    }
    if (escaping == Escaping.JSON_STRING) {
      String escaped = Escapers.escapeJson(text.toString());
      budget.output((long) escaped.length() - text.length());
      String maskedEscaped = Escapers.escapeJson(masked.toString());
      budget.checkLength(maskedEscaped.length());
      return new Rendering(escaped, maskedEscaped, references);
    }
    return new Rendering(text.toString(), masked.toString(), references);
  }
}
