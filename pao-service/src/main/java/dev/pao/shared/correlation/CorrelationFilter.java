package dev.pao.shared.correlation;

import dev.pao.shared.metrics.ApiMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every HTTP exchange a correlation id: the caller's {@code X-Correlation-ID} when sane,
 * otherwise a new UUID. It is echoed on the response and bound to the thread for log lines, audit
 * events and outbound calls.
 */
@WebFilter(filterName = "correlation", urlPatterns = "/*", asyncSupported = true)
public class CorrelationFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  public static final String ATTRIBUTE = CorrelationFilter.class.getName();

  @Inject transient ApiMetrics metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long started = System.nanoTime();
    String id = Correlation.acceptOrGenerate(request.getHeader(Correlation.HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(Correlation.HEADER, id);
    Correlation.Scope scope = Correlation.open(id);
    try {
      chain.doFilter(request, response);
    } finally {
      scope.close();
      metrics.served(request.getMethod(), response.getStatus(), started);
    }
  }
}
