package dev.pao.shared.api;

import dev.pao.shared.correlation.Correlation;

/**
 * The success envelope: {@code {"data": ..., "meta": {"correlation_id": ..., "next_cursor": ...}}}.
 * Resources return it so every answer carries the caller's correlation id.
 */
public record Envelope<T>(T data, Meta meta) {

  /** Envelope metadata; {@code nextCursor} is only set on list pages that have a successor. */
  public record Meta(String correlationId, String nextCursor) {}

  public static <T> Envelope<T> of(T data) {
    return new Envelope<>(data, new Meta(Correlation.current(), null));
  }

  public static <T> Envelope<T> page(T data, String nextCursor) {
    return new Envelope<>(data, new Meta(Correlation.current(), nextCursor));
  }
}
