package dev.pao.devctl.http;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import java.util.List;

/**
 * An error answer of the API: its HTTP status, the envelope's code, message and details, and the
 * correlation id to quote when asking for help.
 */
public final class ApiFailure extends DevctlException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ApiFailure(
      int status, String code, String message, List<String> details, String correlationId) {
    super(
        ExitCodes.forHttpStatus(status),
        message + " (" + code + ")",
        lines(details, correlationId));
    this.status = status;
    this.code = code;
  }

  private static List<String> lines(List<String> details, String correlationId) {
    List<String> lines = new java.util.ArrayList<>(details);
    if (correlationId != null) {
      lines.add("correlation id: " + correlationId);
    }
    return lines;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
