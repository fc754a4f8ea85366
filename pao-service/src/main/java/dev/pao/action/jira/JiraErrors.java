package dev.pao.action.jira;

import dev.pao.action.http.AnswerClassifier;
import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServerErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classifies JIRA's error answers: 5xx is transient (outcome unknown, the message is redelivered);
 * 400 names the rejected fields; 401/403 say the instance's credentials were refused; anything else
 * fails the action with the status.
 */
final class JiraErrors extends AnswerClassifier {
  JiraErrors(String instance) {
    super(instance);
  }

  @Override
  protected RuntimeException classify(HttpAnswer answer) {
    int status = answer.status();
    if (status >= 500) {
      return new ServerErrorException("JIRA instance '" + instance() + "' answered " + status);
    }
    Map<String, Object> details = Map.of("http_status", status, "jira", answer.json());
    if (status == 401 || status == 403) {
      return new RejectedAnswerException(
          status,
          "JIRA instance '"
              + instance()
              + "' refused the configured credentials (HTTP "
              + status
              + "); check its user and token secret",
          details);
    }
    if (status == 400) {
      return new RejectedAnswerException(
          status, "JIRA rejected the request: " + String.join("; ", problems(answer)), details);
    }
    return new RejectedAnswerException(
        status, "JIRA instance '" + instance() + "' answered " + status, details);
  }

  private static List<String> problems(HttpAnswer answer) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> body = answer.object();
    if (body.get("errors") instanceof Map<?, ?> fields) {
      fields.forEach((field, message) -> problems.add(field + ": " + message));
    }
    if (body.get("errorMessages") instanceof List<?> messages) {
      messages.forEach(message -> problems.add(String.valueOf(message)));
    }
    if (problems.isEmpty()) {
      problems.add("HTTP 400");
    }
    return problems;
  }
}
