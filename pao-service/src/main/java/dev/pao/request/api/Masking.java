package dev.pao.request.api;

import dev.pao.request.domain.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Masks the form fields marked sensitive ({@code ***}) wherever a request's data is shown. */
public final class Masking {
  public static final String MASK = "***";

  private Masking() {}

  public static Map<String, Object> formData(Request request) {
    return mask(request.formData(), request.sensitivePaths());
  }

  static Map<String, Object> mask(Map<String, Object> data, List<String> paths) {
    Map<String, Object> masked = new LinkedHashMap<>();
    data.forEach(
        (key, value) -> {
          if (paths.contains(key)) {
            masked.put(key, MASK);
          } else if (value instanceof Map<?, ?> group) {
            Map<String, Object> inner = new LinkedHashMap<>();
            group.forEach(
                (field, fieldValue) ->
                    inner.put(
                        String.valueOf(field),
                        paths.contains(key + "." + field) ? MASK : fieldValue));
            masked.put(key, inner);
          } else {
            masked.put(key, value);
          }
        });
    return masked;
  }
}
