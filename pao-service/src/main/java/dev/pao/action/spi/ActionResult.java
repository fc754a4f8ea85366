package dev.pao.action.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an action produced: the result document its {@code outputs} JSONPaths read (shapes per type
 * in catalog-format.md), and the reference to what it created outside, if anything. An action that
 * has started something it must wait for answers {@link #waiting} instead: the document and
 * reference known so far, and the {@link ActionWait}.
 */
public record ActionResult(
    Map<String, Object> document, ExternalRef externalRef, ActionWait awaiting) {

  public ActionResult {
    // Result documents are JSON-like and may hold nulls (e.g. a conclusion not known yet).
    document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
  }

  /** A finished action's result. */
  public ActionResult(Map<String, Object> document, ExternalRef externalRef) {
    this(document, externalRef, null);
  }

  public static ActionResult of(Map<String, Object> document) {
    return new ActionResult(document, null);
  }

  /** The action waits for {@code wait}; {@code ref} (if known) links what it waits for. */
  public static ActionResult waiting(ActionWait wait, ExternalRef ref) {
    return new ActionResult(Map.of(), ref, wait);
  }

  /** Whether the action is not finished yet but waits (see {@link ActionWait}). */
  public boolean waiting() {
    return awaiting != null;
  }
}
