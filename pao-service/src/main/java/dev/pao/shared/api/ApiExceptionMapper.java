package dev.pao.shared.api;

import dev.pao.shared.limits.RateLimitedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link ApiException} with its own code, message and details ({@code Retry-After} for a
 * rate limit).
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException exception) {
    Response response =
        ErrorResponses.of(exception.code(), exception.getMessage(), exception.details());
    if (exception instanceof RateLimitedException limited) {
      return Response.fromResponse(response)
          .header("Retry-After", limited.retryAfterSeconds())
          .build();
    }
    return response;
  }
}
