package dev.pao.shared.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the work the current thread is doing: set from {@code X-Correlation-ID} (or
 * generated) for each HTTP request, and from the message for queued work. It is written into every
 * log line through {@link LogContext}.
 */
public final class Correlation {
  public static final String HEADER = "X-Correlation-ID";
  public static final String LOG_FIELD = "correlation_id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Correlation() {}

  /**
   * The caller's id when it is a sane token (letters, digits, {@code ._:-}, ≤128), else a new one.
   */
  public static String acceptOrGenerate(String offered) {
    if (offered != null && SANE.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }

  /** Binds the id to this thread (and its log lines) until {@link Scope#close()}. */
  public static Scope open(String correlationId) {
    String previous = CURRENT.get();
    CURRENT.set(correlationId);
    LogContext.put(LOG_FIELD, correlationId);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
        LogContext.remove(LOG_FIELD);
      } else {
        CURRENT.set(previous);
        LogContext.put(LOG_FIELD, previous);
      }
    };
  }

  /** The id bound to this thread, or {@code null} outside any request or message. */
  public static String current() {
    return CURRENT.get();
  }

  /** A binding that ends without exceptions. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
