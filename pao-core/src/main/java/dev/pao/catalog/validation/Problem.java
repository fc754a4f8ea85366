package dev.pao.catalog.validation;

/**
 * One reason a document is rejected: the path of the offending value ({@code
 * spec.form.fields[1].pattern}, empty for the whole document) and what is wrong with it.
 */
public record Problem(String path, String message) {
  public static Problem at(String path, String message) {
    return new Problem(path == null ? "" : path, message);
  }
}
