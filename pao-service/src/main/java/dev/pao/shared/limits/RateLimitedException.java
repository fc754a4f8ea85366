package dev.pao.shared.limits;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;

/** A caller went over a rate limit; the answer is 429 with {@code Retry-After}. */
public class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RateLimitedException(String message, long retryAfterSeconds) {
    super(ErrorCode.RATE_LIMITED, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds until the next call is allowed (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
