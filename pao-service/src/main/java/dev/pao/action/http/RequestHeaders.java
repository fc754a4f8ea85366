package dev.pao.action.http;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds an instance's headers (authorization, API version) to every call of its typed client. The
 * values are asked for on each call, so rotated secrets and renewed tokens take effect at once; a
 * header the call already carries is left as it is.
 */
public final class RequestHeaders implements ClientRequestFilter {
  private final Map<String, Supplier<String>> headers;

  public RequestHeaders(Map<String, Supplier<String>> headers) {
    this.headers = Map.copyOf(headers);
  }

  /** One header. */
  public static RequestHeaders of(String name, Supplier<String> value) {
    return new RequestHeaders(Map.of(name, value));
  }

  @Override
  public void filter(ClientRequestContext request) {
    headers.forEach(
        (name, value) -> {
          if (!request.getHeaders().containsKey(name)) {
            request.getHeaders().putSingle(name, value.get());
          }
        });
  }
}
