package dev.pao.catalog.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Form and identity values as CEL wants them: integers as {@code long}, decimals as double. */
final class CelValues {
  private CelValues() {}

  static Map<String, Object> of(Map<String, Object> values) {
    Map<String, Object> converted = new LinkedHashMap<>();
    if (values != null) {
      values.forEach(
          (key, value) -> {
            // An absent value is no key at all, so has(form.x) tells whether there is one.
            if (value != null) {
              converted.put(key, value(value));
            }
          });
    }
    return converted;
  }

  private static Object value(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : big.doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().scale() <= 0 && decimal.abs().compareTo(LONG_MAX) < 0
          ? decimal.longValue()
          : decimal.doubleValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> nested = new LinkedHashMap<>();
      map.forEach(
          (key, inner) -> {
            if (inner != null) {
              nested.put(String.valueOf(key), value(inner));
            }
          });
      return nested;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(value(item)));
      return items;
    }
    return value;
  }

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
}
