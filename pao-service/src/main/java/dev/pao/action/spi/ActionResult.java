package dev.pao.action.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an action produced: the result document its {@code outputs} JSONPaths read (shapes per type
 * in catalog-format.md), and the reference to what it created outside, if anything.
 */
public record ActionResult(Map<String, Object> document, ExternalRef externalRef) {

  public ActionResult {
    // Result documents are JSON-like and may hold nulls (e.g. a conclusion not known yet).
    document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
  }

  public static ActionResult of(Map<String, Object> document) {
    return new ActionResult(document, null);
  }
}
