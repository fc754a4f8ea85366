package dev.pao.shared.api;

import dev.pao.shared.domain.DomainException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers anything else: a wrapped {@link ApiException}, domain refusal or JSON problem as itself,
 * a database that cannot be reached as {@code UNAVAILABLE}, the rest as {@code INTERNAL_ERROR} with
 * the details kept in the server log only.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
  @Context ResourceInfo resourceInfo;

  @Override
  public Response toResponse(Throwable exception) {
    ApiException api = ErrorResponses.apiCause(exception);
    if (api != null) {
      return ErrorResponses.of(api.code(), api.getMessage(), api.details());
    }
    DomainException refusal = ErrorResponses.domainCause(exception);
    if (refusal != null) {
      return DomainExceptionMapper.respond(refusal);
    }
    if (ErrorResponses.isJsonProblem(exception)) {
      return BodyShape.answer(exception, resourceInfo);
    }
    if (DatabaseOutage.causedBy(exception)) {
      return ErrorResponses.of(
          ErrorCode.UNAVAILABLE,
          "The database cannot be reached; nothing was changed, try again shortly",
          List.of(new ErrorDetail("database", "unreachable")));
    }
    return ErrorResponses.of(
        ErrorCode.INTERNAL_ERROR,
        "Internal error; quote the correlation id when reporting it",
        List.of(),
        exception);
  }
}
