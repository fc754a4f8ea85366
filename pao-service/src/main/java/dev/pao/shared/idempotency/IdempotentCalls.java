package dev.pao.shared.idempotency;

import dev.pao.shared.domain.IdempotencyKeyReusedException;
import dev.pao.shared.domain.InvalidStateException;
import dev.pao.shared.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an {@code Idempotency-Key} on a changing POST means: the first call with a key runs and its
 * answer is kept; a repeat of the same call (same path, query and body) gets that answer again
 * without running; the same key with another call is refused ({@code IDEMPOTENCY_KEY_REUSED}).
 * Server errors are not kept, so a repeat after one runs the call again.
 */
public final class IdempotentCalls {
  /** Longest accepted key. */
  public static final int MAX_KEY_LENGTH = 200;

  private final IdempotentAnswers answers;

  public IdempotentCalls(IdempotentAnswers answers) {
    this.answers = answers;
  }

  /** A kept answer to send instead of running the call. */
  public record Replay(int status, String body) {}

  /**
   * Claims the key for this call.
   *
   * @return the answer to replay, or empty when the call should run (and {@link #finished} be told)
   * @throws IdempotencyKeyReusedException when the key was used with another call
   * @throws InvalidStateException while the first call with the key is still running
   */
  public Optional<Replay> begin(String owner, String endpoint, String key, String call) {
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ValidationException.of(
          "Invalid Idempotency-Key", "Idempotency-Key", "1 to " + MAX_KEY_LENGTH + " characters");
    }
    String fingerprint = fingerprint(call);
    IdempotentAnswers.Held held = answers.claim(owner, endpoint, key, fingerprint);
    if (held == null) {
      return Optional.empty();
    }
    if (!held.fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException(
          "Idempotency-Key '" + key + "' was used with a different call to " + endpoint);
    }
    if (held.status() == null) {
      throw new InvalidStateException(
          "The call with Idempotency-Key '" + key + "' is still running; repeat it shortly");
    }
    return Optional.of(new Replay(held.status(), held.body()));
  }

  /** Keeps the answer of a call that {@link #begin} let run (server errors are not kept). */
  public void finished(String owner, String endpoint, String key, int status, String body) {
    if (status >= 500) {
      answers.release(owner, endpoint, key);
    } else {
      answers.answer(owner, endpoint, key, status, body);
    }
  }

  private static String fingerprint(String call) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(call.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
