package dev.pao.catalog.git;

/** The catalog repository could not be read (unreachable, no such branch, broken clone). */
public class CatalogSourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public CatalogSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
