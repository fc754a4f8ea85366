package dev.pao.action.http;

import dev.pao.action.spi.TransientActionException;
import java.time.Duration;

/**
 * A {@code 429} answer: the call was not carried out, so {@link OutboundPolicy} waits {@link
 * #retryAfter()} and repeats it while that fits in the action's budget.
 */
public class RateLimitedException extends TransientActionException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(String host, String retryAfterHeader) {
    super(host + " is rate limiting (429)");
    this.retryAfter = parse(retryAfterHeader);
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  private static Duration parse(String header) {
    if (header != null && header.trim().matches("\\d{1,6}")) {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    }
    return Duration.ofSeconds(1);
  }
}
