package dev.pao.action.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServerErrorException;
import dev.pao.action.spi.TransientActionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GitHub's error answers on the failed/transient pair. */
class GitHubErrorsTest {
  private final GitHubErrors errors = new GitHubErrors("default");

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsAreTransientFailuresOfTheHost(int status) {
    assertInstanceOf(ServerErrorException.class, errors.classify(answer(status, Map.of())));
  }

  @Test
  void anExhaustedRateLimitIsTransientButNoFailureOfTheHost() {
    RuntimeException e =
        errors.classify(answer(403, Map.of("X-RateLimit-Remaining", List.of("0"))));
    assertInstanceOf(TransientActionException.class, e);
    assertFalse(e instanceof ServerErrorException);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void refusedCredentialsFailTheAction(int status) {
    RejectedAnswerException e =
        assertInstanceOf(RejectedAnswerException.class, errors.classify(answer(status, Map.of())));
    assertTrue(e.getMessage().contains("refused the configured token"), e.getMessage());
    assertTrue(e.getMessage().contains("Bad things"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 409, 422})
  void rejectedInputFailsTheActionWithItsStatus(int status) {
    RejectedAnswerException e =
        assertInstanceOf(RejectedAnswerException.class, errors.classify(answer(status, Map.of())));
    assertEquals(status, e.status());
    assertEquals(status, e.details().get("http_status"));
  }

  private static HttpAnswer answer(int status, Map<String, List<String>> headers) {
    return new HttpAnswer(status, headers, "{\"message\": \"Bad things\"}");
  }
}
