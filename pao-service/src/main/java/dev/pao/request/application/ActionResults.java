package dev.pao.request.application;

import dev.pao.action.JsonPath;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.request.domain.RequestAction;
import dev.pao.shared.json.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the runner keeps of an action's result: its declared outputs and a bounded summary. */
final class ActionResults {
  private static final int SUMMARY_LIMIT = 4000;

  private ActionResults() {}

  /**
   * The outputs the action declares, read from the result by JSONPath (absent paths are left out).
   *
   * @throws ActionFailedException when a declared path is not a JSONPath
   */
  static Map<String, Object> outputs(RequestAction action, ActionResult result) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    if (action.config().get("outputs") instanceof Map<?, ?> declared) {
      declared.forEach(
          (key, path) -> {
            try {
              JsonPath.compile(String.valueOf(path))
                  .read(result.document())
                  .ifPresent(value -> outputs.put(String.valueOf(key), value));
            } catch (IllegalArgumentException e) {
              throw new ActionFailedException(
                  "Output '" + key + "' has a bad JSONPath: " + e.getMessage());
            }
          });
    }
    return outputs;
  }

  /** The result document for the execution log, truncated when its JSON is long. */
  static Map<String, Object> summary(ActionResult result) {
    String text = JsonCodec.write(result.document());
    return text.length() <= SUMMARY_LIMIT
        ? result.document()
        : Map.of("truncated", text.substring(0, SUMMARY_LIMIT));
  }
}
