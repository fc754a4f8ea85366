package dev.pao.shared.idempotency;

/**
 * The answers of idempotent POSTs, per caller, endpoint and key, kept 24 hours ({@code
 * idempotency_keys}). Concurrent first uses of a key are serialised: one claims it.
 */
public interface IdempotentAnswers {

  /**
   * Claims the key for a call with {@code fingerprint} (an expired claim, or one left unanswered
   * for longer than a call can take, is taken over).
   *
   * @return {@code null} when claimed now, else the claim that holds the key
   */
  Held claim(String owner, String endpoint, String key, String fingerprint);

  /** Remembers the answer of the call that claimed the key. */
  void answer(String owner, String endpoint, String key, int status, String body);

  /** Gives the key up (the call failed on the server's side, so a repeat should run it again). */
  void release(String owner, String endpoint, String key);

  /**
   * A claim that holds a key: the call it was made for and, once given, its answer.
   *
   * @param status {@code null} while the first call is still running
   */
  record Held(String fingerprint, Integer status, String body) {}
}
