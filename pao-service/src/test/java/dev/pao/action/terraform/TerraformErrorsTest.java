package dev.pao.action.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServerErrorException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Terraform's error answers on the failed/transient pair. */
class TerraformErrorsTest {
  private final TerraformErrors errors = new TerraformErrors("default");

  @Test
  void serverErrorsAreTransient() {
    assertInstanceOf(
        ServerErrorException.class, errors.classify(new HttpAnswer(502, Map.of(), "")));
  }

  @Test
  void rejectedInputNamesTheJsonApiErrors() {
    RejectedAnswerException e =
        assertInstanceOf(
            RejectedAnswerException.class,
            errors.classify(
                new HttpAnswer(
                    422,
                    Map.of(),
                    "{\"errors\": [{\"title\": \"invalid attribute\", \"detail\": \"Key has"
                        + " already been taken\"}, {\"title\": \"conflict\"}]}")));
    assertEquals(422, e.status());
    assertTrue(
        e.getMessage().endsWith("invalid attribute: Key has already been taken; conflict"),
        e.getMessage());
  }

  @Test
  void refusedTokensFailTheAction() {
    RejectedAnswerException e =
        assertInstanceOf(
            RejectedAnswerException.class, errors.classify(new HttpAnswer(401, Map.of(), "")));
    assertTrue(e.getMessage().contains("refused the configured token"), e.getMessage());
  }
}
