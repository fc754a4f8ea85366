package dev.pao.devctl;

/** The exit codes scripts can rely on; listed in {@code devctl --help}. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int REJECTED = 1;
  public static final int USAGE = 2;
  public static final int NOT_AUTHENTICATED = 3;
  public static final int NOT_FOUND = 4;
  public static final int UNAVAILABLE = 5;

  private ExitCodes() {}

  /** The exit code for an API answer with this HTTP status. */
  public static int forHttpStatus(int status) {
    return switch (status) {
      case 401, 403 -> NOT_AUTHENTICATED;
      case 404 -> NOT_FOUND;
      case 502, 503, 504 -> UNAVAILABLE;
      default -> REJECTED;
    };
  }
}
