package dev.pao.action.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.TransientActionException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundOutcomeTest {
  @Test
  void answersAreClassifiedByStatus() {
    assertEquals(OutboundOutcome.SUCCESS, OutboundOutcome.ofAnswer(answer(201)));
    assertEquals(OutboundOutcome.CLIENT_ERROR, OutboundOutcome.ofAnswer(answer(404)));
    assertEquals(OutboundOutcome.SERVER_ERROR, OutboundOutcome.ofAnswer(answer(502)));
    assertEquals(OutboundOutcome.SUCCESS, OutboundOutcome.ofAnswer(Map.of("typed", "answer")));
  }

  @Test
  void refusalsAreClientErrorsAndTransientAnswersServerErrors() {
    assertEquals(
        OutboundOutcome.CLIENT_ERROR,
        OutboundOutcome.ofClassified(new RejectedAnswerException(400, "bad", Map.of())));
    assertEquals(
        OutboundOutcome.CLIENT_ERROR,
        OutboundOutcome.ofClassified(new RateLimitedException("jira", "5")));
    assertEquals(
        OutboundOutcome.CLIENT_ERROR,
        OutboundOutcome.ofClassified(new ActionFailedException("too large")));
    assertEquals(
        OutboundOutcome.SERVER_ERROR,
        OutboundOutcome.ofClassified(new ServerErrorException("jira")));
    assertEquals(
        OutboundOutcome.SERVER_ERROR,
        OutboundOutcome.ofClassified(new TransientActionException("try later")));
  }

  @Test
  void noAnswerIsATimeoutOrANetworkErrorByItsCause() {
    assertEquals(
        OutboundOutcome.TIMEOUT,
        OutboundOutcome.ofNoAnswer(
            new UncheckedIOException(new HttpTimeoutException("request timed out"))));
    assertEquals(
        OutboundOutcome.NETWORK_ERROR,
        OutboundOutcome.ofNoAnswer(new UncheckedIOException(new ConnectException("refused"))));
  }

  private static HttpAnswer answer(int status) {
    return new HttpAnswer(status, Map.of(), "");
  }
}
