package dev.pao.action.terraform;

import dev.pao.action.http.AnswerClassifier;
import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServerErrorException;
import java.util.List;
import java.util.Map;

/**
 * Classifies Terraform's error answers: 5xx is transient; refused tokens and rejected input (with
 * the JSON:API {@code errors}' titles and details) fail the action.
 */
final class TerraformErrors extends AnswerClassifier {
  TerraformErrors(String instance) {
    super(instance);
  }

  @Override
  protected RuntimeException classify(HttpAnswer answer) {
    int status = answer.status();
    if (status >= 500) {
      return new ServerErrorException("Terraform instance '" + instance() + "' answered " + status);
    }
    Map<String, Object> details = Map.of("http_status", status, "terraform", answer.json());
    if (status == 401 || status == 403) {
      return new RejectedAnswerException(
          status,
          "Terraform instance '"
              + instance()
              + "' refused the configured token (HTTP "
              + status
              + ")",
          details);
    }
    return new RejectedAnswerException(
        status, "Terraform rejected the request (HTTP " + status + "): " + errors(answer), details);
  }

  private static String errors(HttpAnswer answer) {
    if (answer.object().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (Object error : errors) {
        if (error instanceof Map<?, ?> e) {
          text.append(text.length() == 0 ? "" : "; ")
              .append(e.get("title"))
              .append(e.get("detail") == null ? "" : ": " + e.get("detail"));
        }
      }
      return text.toString();
    }
    return "HTTP " + answer.status();
  }
}
