package dev.pao.shared.api;

import dev.pao.shared.correlation.Correlation;
import dev.pao.shared.domain.DomainException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds error-envelope responses and logs them: 4xx at WARNING, 5xx at SEVERE. */
final class ErrorResponses {
  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  static Response of(ErrorCode code, String message, List<ErrorDetail> details) {
    return of(code, message, details, null);
  }

  static Response of(ErrorCode code, String message, List<ErrorDetail> details, Throwable cause) {
    if (code.httpStatus() >= 500) {
      LOG.log(Level.SEVERE, code + ": " + message, cause);
    } else {
      LOG.log(Level.WARNING, "{0}: {1}", new Object[] {code, message});
    }
    Response.ResponseBuilder builder =
        Response.status(code.httpStatus())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ErrorBody.of(code, message, details, Correlation.current()));
    if (code == ErrorCode.UNAUTHENTICATED) {
      builder.header("WWW-Authenticate", "Bearer");
    }
    return builder.build();
  }

  /** The first {@link ApiException} in the cause chain, if a framework layer wrapped one. */
  static ApiException apiCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The first {@link DomainException} in the cause chain, if a framework layer wrapped one. */
  static DomainException domainCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof DomainException refusal) {
        return refusal;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Whether the failure came from reading a JSON body that is not well-formed or mistyped. */
  static boolean isJsonProblem(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof jakarta.json.bind.JsonbException
          || t instanceof jakarta.json.JsonException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
