package dev.pao.shared.api;

import dev.pao.shared.domain.DomainException;
import dev.pao.shared.domain.ForbiddenException;
import dev.pao.shared.domain.IdempotencyKeyReusedException;
import dev.pao.shared.domain.InvalidStateException;
import dev.pao.shared.domain.NotFoundException;
import dev.pao.shared.domain.UnavailableException;
import dev.pao.shared.domain.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers a domain refusal with the error code of its kind, matched by type (a subtype answers as
 * its nearest known kind); the message and violations go into the envelope unchanged.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
  @Override
  public Response toResponse(DomainException exception) {
    return respond(exception);
  }

  static Response respond(DomainException exception) {
    return ErrorResponses.of(codeOf(exception), exception.getMessage(), details(exception));
  }

  static ErrorCode codeOf(DomainException exception) {
    if (exception instanceof NotFoundException) {
      return ErrorCode.NOT_FOUND;
    }
    if (exception instanceof ForbiddenException) {
      return ErrorCode.FORBIDDEN;
    }
    if (exception instanceof InvalidStateException) {
      return ErrorCode.INVALID_STATE;
    }
    if (exception instanceof ValidationException) {
      return ErrorCode.VALIDATION_ERROR;
    }
    if (exception instanceof IdempotencyKeyReusedException) {
      return ErrorCode.IDEMPOTENCY_KEY_REUSED;
    }
    if (exception instanceof UnavailableException) {
      return ErrorCode.UNAVAILABLE;
    }
    return ErrorCode.INTERNAL_ERROR;
  }

  private static List<ErrorDetail> details(DomainException exception) {
    if (exception instanceof ValidationException invalid) {
      return invalid.violations().stream()
          .map(violation -> new ErrorDetail(violation.field(), violation.issue()))
          .toList();
    }
    if (exception instanceof ForbiddenException forbidden && forbidden.rule() != null) {
      return List.of(new ErrorDetail("rule", forbidden.rule()));
    }
    if (exception instanceof UnavailableException unavailable) {
      return unavailable.dependency().map(d -> new ErrorDetail(d, "unreachable")).stream().toList();
    }
    return List.of();
  }
}
