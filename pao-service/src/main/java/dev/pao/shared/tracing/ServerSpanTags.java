package dev.pao.shared.tracing;

import dev.pao.shared.correlation.Correlation;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts the exchange's correlation id on the server's span of each API call (the server starts that
 * span before any application code runs). A span that is not recorded ignores it.
 */
@Provider
public class ServerSpanTags implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    TraceAttributes.tag(Span.current(), Correlation.current(), null);
  }
}
