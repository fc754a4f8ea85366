package dev.pao.shared.api;

/** The error codes of the public API, each bound to its HTTP status (api-conventions.md). */
public enum ErrorCode {
  VALIDATION_ERROR(400),
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  NOT_ACCEPTABLE(406),
  INVALID_STATE(409),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  IDEMPOTENCY_KEY_REUSED(422),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500),
  UNAVAILABLE(503);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The code a bare HTTP status stands for, used when the framework rejects a request. */
  public static ErrorCode forStatus(int status) {
    for (ErrorCode code : values()) {
      if (code.httpStatus == status) {
        return code;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
  }
}
