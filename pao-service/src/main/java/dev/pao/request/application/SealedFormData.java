package dev.pao.request.application;

import dev.pao.shared.crypto.DataCipher;
import dev.pao.shared.json.JsonCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sensitive form values at rest: on submission each value of a field marked {@code sensitive: true}
 * is sealed (its JSON, bound to the request id and field path), so {@code requests.form_data} holds
 * no plain sensitive value; the runner opens them to render the action's templates. Fields are
 * top-level ({@code password}) or in a group ({@code db.password}).
 */
final class SealedFormData {
  private SealedFormData() {}

  static Map<String, Object> seal(
      Supplier<DataCipher> cipher,
      UUID requestId,
      Map<String, Object> formData,
      List<String> sensitive) {
    if (sensitive.isEmpty()) {
      return formData;
    }
    return walk(
        formData,
        "",
        (path, value) ->
            sensitive.contains(path) && value != null
                ? cipher.get().seal(JsonCodec.write(value), associatedData(requestId, path))
                : value);
  }

  /** The form data with every sealed value opened (values sealed by any configured key). */
  static Map<String, Object> open(
      Supplier<DataCipher> cipher, UUID requestId, Map<String, Object> formData) {
    return walk(
        formData,
        "",
        (path, value) ->
            DataCipher.isSealed(value)
                ? JsonCodec.parse(
                    cipher.get().open((String) value, associatedData(requestId, path)))
                : value);
  }

  private interface Change {
    Object apply(String path, Object value);
  }

  private static Map<String, Object> walk(Map<String, Object> data, String prefix, Change change) {
    Map<String, Object> result = new LinkedHashMap<>();
    data.forEach(
        (key, value) -> {
          String path = prefix + key;
          if (value instanceof Map<?, ?> group && prefix.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) group;
            result.put(key, walk(fields, path + ".", change));
          } else {
            result.put(key, change.apply(path, value));
          }
        });
    return result;
  }

  private static String associatedData(UUID requestId, String path) {
    return "request " + requestId + " form_data " + path;
  }
}
