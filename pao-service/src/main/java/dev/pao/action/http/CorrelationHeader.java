package dev.pao.action.http;

import dev.pao.shared.correlation.Correlation;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Sends the correlation id of the call being made ({@link OutboundPolicy} binds it to the thread)
 * as {@code X-Correlation-ID}.
 */
public final class CorrelationHeader implements ClientRequestFilter {
  public static final String NAME = Correlation.HEADER;

  @Override
  public void filter(ClientRequestContext request) {
    String id = Correlation.current();
    if (id != null) {
      request.getHeaders().putSingle(NAME, id);
    }
  }
}
