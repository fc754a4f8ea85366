package dev.pao.request.domain;

import java.util.Optional;

/**
 * The submissions' {@code Idempotency-Key}s, per caller, each remembered for 24 hours with the hash
 * of the body it came with. Two concurrent first uses of a key are serialised: one claims it.
 */
public interface IdempotencyClaims {

  /**
   * Claims {@code key} of {@code owner} for a new request in the caller's transaction (an expired
   * claim is taken over), or answers the claim that holds it.
   */
  Claim claim(String owner, String key, String bodyHash, RequestId newRequest);

  /** The outcome of a claim: claimed now, or the earlier claim (its body hash and request). */
  record Claim(boolean claimedNow, String heldHash, Optional<RequestId> heldBy) {
    public static Claim claimed() {
      return new Claim(true, null, Optional.empty());
    }

    public static Claim heldBy(String hash, RequestId request) {
      return new Claim(false, hash, Optional.of(request));
    }
  }
}
