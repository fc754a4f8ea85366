package dev.pao.shared.api;

import java.util.List;

/**
 * A failure the caller should see as it is: its code picks the HTTP status and its message and
 * details go into the error envelope unchanged.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient List<ErrorDetail> details;

  public ApiException(ErrorCode code, String message) {
    this(code, message, List.of());
  }

  public ApiException(ErrorCode code, String message, List<ErrorDetail> details) {
    super(message);
    this.code = code;
    this.details = List.copyOf(details);
  }

  public ErrorCode code() {
    return code;
  }

  public List<ErrorDetail> details() {
    return details;
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }

  public static ApiException validation(String message, List<ErrorDetail> details) {
    return new ApiException(ErrorCode.VALIDATION_ERROR, message, details);
  }
}
