package dev.pao.shared.correlation;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Adds fields to every log record the current thread writes. On Liberty this is the server's {@code
 * LogRecordContext}, whose extensions appear as {@code ext_<name>} fields in the JSON logs. That
 * API ships with the server only (it is not published to Maven Central), so it is bound at run
 * time; elsewhere (plain unit tests) the calls do nothing.
 */
final class LogContext {
  private static final MethodHandle ADD;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle add = null;
    MethodHandle remove = null;
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add =
          lookup.findStatic(
              context,
              "addExtension",
              MethodType.methodType(void.class, String.class, String.class));
      remove =
          lookup.findStatic(
              context, "removeExtension", MethodType.methodType(boolean.class, String.class));
    } catch (ReflectiveOperationException | LinkageError absent) {
      // Not on Liberty: log records carry no extensions.
    }
    ADD = add;
    REMOVE = remove;
  }

  private LogContext() {}

  static void put(String name, String value) {
    if (ADD != null) {
      try {
        ADD.invokeExact(name, value);
      } catch (Throwable ignored) {
        // Logging context is best effort; it must never break the request.
      }
    }
  }

  static void remove(String name) {
    if (REMOVE != null) {
      try {
        boolean unused = (boolean) REMOVE.invokeExact(name);
      } catch (Throwable ignored) {
        // See put.
      }
    }
  }
}
