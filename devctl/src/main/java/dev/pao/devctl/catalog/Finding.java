package dev.pao.devctl.catalog;

import dev.pao.catalog.document.Rejection;

/**
 * One reason a document is rejected, as devctl shows it: the file as the user can open it, line,
 * column, the path of the value and the server's message.
 */
record Finding(String file, int line, int column, String path, String message) {
  static Finding of(String shownFile, Rejection rejection) {
    return new Finding(
        shownFile, rejection.line(), rejection.column(), rejection.path(), rejection.reason());
  }

  /** {@code file:line:column: message (path)}, the form editors and CI annotations understand. */
  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + message
        + (path == null || path.isEmpty() ? "" : " (" + path + ")");
  }
}
