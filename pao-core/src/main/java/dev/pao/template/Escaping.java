package dev.pao.template;

/**
 * Where the rendered text lands, which decides how inserted values are escaped. Literal template
 * text is the author's and is never changed, except in {@link #JSON_STRING} where the whole result
 * becomes the content of one JSON string.
 */
public enum Escaping {
  /** Plain text (a JIRA summary, a commit message): values are inserted as they are. */
  TEXT,
  /**
   * The whole rendered result is the content of one JSON string value (without the surrounding
   * quotes): quotes, backslashes, control characters and line breaks are escaped.
   */
  JSON_STRING,
  /**
   * The template is a raw JSON document. A value inserted inside a JSON string of the document is
   * JSON-string-escaped; a value inserted where a JSON value is expected is written as a JSON value
   * (a string is quoted, a number or boolean stays bare, a list or map becomes an array or object,
   * the output of {@code json} or {@code quote} is kept as is). Either way the document stays valid
   * whatever the values contain.
   */
  JSON_DOCUMENT,
  /**
   * The template is a URL or a part of one: inserted values are percent-encoded (UTF-8, RFC 3986
   * unreserved characters kept); the output of {@code urlencode} is not encoded twice.
   */
  URL_COMPONENT,
  /**
   * The template is a YAML document. A value inserted where a scalar is expected becomes a
   * double-quoted scalar (numbers and booleans stay bare, lists and maps become flow collections);
   * inside a double-quoted scalar it is escaped; inside a single-quoted scalar quotes are doubled
   * and line breaks become spaces; inside a block scalar ({@code |} or {@code >}) continuation
   * lines are indented; inside a comment line breaks become spaces.
   */
  YAML
}
