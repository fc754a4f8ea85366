package dev.pao.action.http;

import dev.pao.shared.json.JsonCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP response as executors see it: status, headers (lower-case names) and body text. */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body) {

  public HttpAnswer {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
    headers = Map.copyOf(lower);
    body = body == null ? "" : body;
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The body parsed as JSON (maps, lists, strings, numbers, booleans), or the text if it is not.
   */
  public Object json() {
    return JsonCodec.parseOrText(body);
  }

  /** The body as a JSON object, or an empty map when it is not one. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> object() {
    return json() instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
