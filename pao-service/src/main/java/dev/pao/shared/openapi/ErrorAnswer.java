package dev.pao.shared.openapi;

/** The shared error answers of {@code META-INF/openapi.yaml} ({@code components.responses}). */
enum ErrorAnswer {
  VALIDATION_ERROR("400", "ValidationError"),
  UNAUTHENTICATED("401", "Unauthenticated"),
  FORBIDDEN("403", "Forbidden"),
  NOT_FOUND("404", "NotFound"),
  INVALID_STATE("409", "InvalidState"),
  PAYLOAD_TOO_LARGE("413", "PayloadTooLarge"),
  UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType"),
  IDEMPOTENCY_KEY_REUSED("422", "IdempotencyKeyReused"),
  RATE_LIMITED("429", "RateLimited"),
  INTERNAL_ERROR("500", "InternalError"),
  UNAVAILABLE("503", "Unavailable");

  private final String status;
  private final String response;

  ErrorAnswer(String status, String response) {
    this.status = status;
    this.response = response;
  }

  String status() {
    return status;
  }

  String ref() {
    return "#/components/responses/" + response;
  }
}
