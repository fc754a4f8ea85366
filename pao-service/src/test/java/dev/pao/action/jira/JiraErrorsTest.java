package dev.pao.action.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServerErrorException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JIRA's error answers on the failed/transient pair. */
class JiraErrorsTest {
  private final JiraErrors errors = new JiraErrors("ops");

  @ParameterizedTest
  @CsvSource({
    "500, transient, answered 500",
    "503, transient, answered 503",
    "401, failed, refused the configured credentials",
    "403, failed, refused the configured credentials",
    "404, failed, answered 404",
    "400, failed, 'summary: required; Project is archived'",
  })
  void classifies(int status, String branch, String message) {
    RuntimeException e =
        errors.classify(
            new HttpAnswer(
                status,
                Map.of(),
                "{\"errors\": {\"summary\": \"required\"}, \"errorMessages\": [\"Project is archived\"]}"));
    if (branch.equals("transient")) {
      assertInstanceOf(ServerErrorException.class, e);
    } else {
      assertEquals(status, assertInstanceOf(RejectedAnswerException.class, e).status());
    }
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
