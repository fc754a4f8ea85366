package dev.pao.shared.api;

import java.util.List;

/** The error envelope: {@code {"error": {"code", "message", "details", "correlation_id"}}}. */
public record ErrorBody(Error error) {

  /** The inside of the error envelope. */
  public record Error(
      String code, String message, List<ErrorDetail> details, String correlationId) {}

  public static ErrorBody of(
      ErrorCode code, String message, List<ErrorDetail> details, String correlationId) {
    return new ErrorBody(new Error(code.name(), message, List.copyOf(details), correlationId));
  }
}
