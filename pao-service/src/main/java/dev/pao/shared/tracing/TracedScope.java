package dev.pao.shared.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * A span made current on this thread until {@link #close()}, which also ends it. Spans started
 * inside (outbound calls, further messages) become its children.
 */
public final class TracedScope implements AutoCloseable {
  private final Span span;
  private final Scope scope;

  TracedScope(Span span) {
    this.span = span;
    this.scope = span.makeCurrent();
  }

  /** Marks the span as failed with {@code error}. */
  public void failed(Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
  }

  @Override
  public void close() {
    scope.close();
    span.end();
  }
}
