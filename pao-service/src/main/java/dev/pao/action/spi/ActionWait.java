package dev.pao.action.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an action waits for outside PAO instead of sleeping in its worker: the runner records it,
 * frees the worker, and after a while hands it back to {@link ActionExecutor#check} (one look, no
 * sleep) until the action finishes or its time budget ends.
 *
 * @param waitingFor what a person reads while the action waits, e.g. {@code workflow run
 *     https://github.com/acme/svc/actions/runs/901 ('in_progress')}; never a secret
 * @param state what the executor needs to look again (run id, phase, ...): JSON values only
 * @param checkAfter when to look again at the earliest, or {@code null} for the configured interval
 */
public record ActionWait(String waitingFor, Map<String, Object> state, Duration checkAfter) {

  public ActionWait {
    state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
  }

  public static ActionWait of(String waitingFor, Map<String, Object> state) {
    return new ActionWait(waitingFor, state, null);
  }

  /** A text value of the state, or {@code null}. */
  public String text(String key) {
    Object value = state.get(key);
    return value == null ? null : String.valueOf(value);
  }

  /** A whole-number value of the state, or {@code fallback}. */
  public int number(String key, int fallback) {
    return state.get(key) instanceof Number number ? number.intValue() : fallback;
  }
}
