package dev.pao.action.github;

import dev.pao.action.http.AnswerClassifier;
import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServerErrorException;
import dev.pao.action.spi.TransientActionException;
import java.util.Map;

/**
 * Classifies GitHub's error answers: 5xx and exhausted rate limits ({@code 403} with {@code
 * x-ratelimit-remaining: 0}) are transient; refused credentials, unknown repositories and rejected
 * input fail the action.
 */
final class GitHubErrors extends AnswerClassifier {
  GitHubErrors(String instance) {
    super(instance);
  }

  @Override
  protected RuntimeException classify(HttpAnswer answer) {
    int status = answer.status();
    String message = String.valueOf(answer.object().getOrDefault("message", "HTTP " + status));
    if (status >= 500) {
      return new ServerErrorException("GitHub instance '" + instance() + "' answered " + status);
    }
    if (status == 403 && "0".equals(answer.header("x-ratelimit-remaining"))) {
      return new TransientActionException(
          "GitHub instance '" + instance() + "' answered 403: its rate limit is exhausted");
    }
    Map<String, Object> details = Map.of("http_status", status, "github", answer.json());
    if (status == 401 || status == 403) {
      return new RejectedAnswerException(
          status,
          "GitHub instance '"
              + instance()
              + "' refused the configured token (HTTP "
              + status
              + "): "
              + message,
          details);
    }
    return new RejectedAnswerException(
        status, "GitHub rejected the request (HTTP " + status + "): " + message, details);
  }
}
