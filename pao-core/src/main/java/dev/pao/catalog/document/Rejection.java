package dev.pao.catalog.document;

/**
 * Why a document was not published: its file, the 1-based line and column in that file, the path of
 * the offending value ({@code spec.form.fields[1].pattern}) and the reason.
 */
public record Rejection(String file, int line, int column, String path, String reason) {

  /** For example {@code catalog/databases/pg.yaml:12:9 spec.form.fields[1].pattern: ...}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + (path.isEmpty() ? "" : " " + path) + ": " + reason;
  }
}
