package dev.pao.shared.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.shared.domain.IdempotencyKeyReusedException;
import dev.pao.shared.domain.InvalidStateException;
import dev.pao.shared.domain.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotentCallsTest {
  private static final String RETRY = "POST /requests/{id}/retry";
  private static final String ABORT = "POST /requests/{id}/abort";

  private final InMemoryAnswers store = new InMemoryAnswers();
  private final IdempotentCalls calls = new IdempotentCalls(store);

  @Test
  void aRepeatOfTheSameCallReplaysTheFirstAnswerWithoutRunning() {
    assertTrue(calls.begin("ada", RETRY, "k1", "requests/1/retry\n{}\n").isEmpty());
    calls.finished("ada", RETRY, "k1", 202, "{\"data\":{\"id\":\"1\"}}");
    Optional<IdempotentCalls.Replay> replay =
        calls.begin("ada", RETRY, "k1", "requests/1/retry\n{}\n");
    assertEquals(Optional.of(new IdempotentCalls.Replay(202, "{\"data\":{\"id\":\"1\"}}")), replay);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    calls.begin("ada", RETRY, "k1", "requests/1/retry\n{}\n");
    calls.finished("ada", RETRY, "k1", 202, "{}");
    assertThrows(
        IdempotencyKeyReusedException.class,
        () -> calls.begin("ada", RETRY, "k1", "requests/1/retry\n{}\n{\"reason\": \"x\"}"));
    assertThrows(
        IdempotencyKeyReusedException.class,
        () -> calls.begin("ada", RETRY, "k1", "requests/2/retry\n{}\n"),
        "another request's retry is another call");
  }

  @Test
  void keysArePerCallerAndEndpoint() {
    calls.begin("ada", RETRY, "k1", "requests/1/retry\n{}\n");
    calls.finished("ada", RETRY, "k1", 202, "{}");
    assertTrue(calls.begin("bob", RETRY, "k1", "requests/1/retry\n{}\n").isEmpty());
    assertTrue(calls.begin("ada", ABORT, "k1", "requests/1/abort\n{}\n").isEmpty());
  }

  @Test
  void aRepeatWhileTheFirstCallRunsIsToldToWait() {
    calls.begin("ada", RETRY, "k1", "c");
    assertThrows(InvalidStateException.class, () -> calls.begin("ada", RETRY, "k1", "c"));
  }

  @Test
  void aServerErrorIsNotKeptSoARepeatRunsAgain() {
    calls.begin("ada", RETRY, "k1", "c");
    calls.finished("ada", RETRY, "k1", 503, "{}");
    assertTrue(calls.begin("ada", RETRY, "k1", "c").isEmpty());
  }

  @Test
  void anOverlongKeyIsRefused() {
    assertThrows(ValidationException.class, () -> calls.begin("ada", RETRY, "x".repeat(201), "c"));
    assertThrows(ValidationException.class, () -> calls.begin("ada", RETRY, " ", "c"));
  }

  /** The claims as the table keeps them, by caller, endpoint and key. */
  private static final class InMemoryAnswers implements IdempotentAnswers {
    private final Map<List<String>, Held> rows = new HashMap<>();

    @Override
    public Held claim(String owner, String endpoint, String key, String fingerprint) {
      return rows.putIfAbsent(List.of(owner, endpoint, key), new Held(fingerprint, null, null));
    }

    @Override
    public void answer(String owner, String endpoint, String key, int status, String body) {
      rows.computeIfPresent(
          List.of(owner, endpoint, key), (k, held) -> new Held(held.fingerprint(), status, body));
    }

    @Override
    public void release(String owner, String endpoint, String key) {
      rows.remove(List.of(owner, endpoint, key));
    }
  }
}
