package dev.pao.shared.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * The attributes that tie a span to PAO's own ids, so a trace can be found from the correlation id
 * of a log line or from a request id.
 */
public final class TraceAttributes {
  public static final AttributeKey<String> CORRELATION_ID =
      AttributeKey.stringKey("pao.correlation_id");
  public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("pao.request_id");

  private TraceAttributes() {}

  /** Sets the ids that are known (non-null) on {@code span}; a span not recording ignores them. */
  public static void tag(Span span, String correlationId, String requestId) {
    if (correlationId != null) {
      span.setAttribute(CORRELATION_ID, correlationId);
    }
    if (requestId != null) {
      span.setAttribute(REQUEST_ID, requestId);
    }
  }
}
