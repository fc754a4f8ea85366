package dev.pao.shared.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON text and plain Java trees (maps, lists, strings, numbers, booleans, null),
 * the form in which action specs, results and outputs travel through the service.
 */
public final class JsonCodec {
  private JsonCodec() {}

  /** Parses JSON text into a plain tree. */
  public static Object parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return toJava(reader.readValue());
    }
  }

  /** Parses JSON text, or returns the text itself when it is not JSON. */
  public static Object parseOrText(String text) {
    if (text == null || text.isBlank()) {
      return text == null ? "" : text;
    }
    try {
      return parse(text);
    } catch (JsonException | IllegalStateException e) {
      return text;
    }
  }

  /** Writes a plain tree as JSON text. */
  public static String write(Object value) {
    return toJson(value).toString();
  }

  /** A plain tree as a JSON-P value. */
  public static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof String text) {
      return Json.createValue(text);
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return Json.createValue(new BigDecimal(number.toString()));
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      map.forEach((key, item) -> object.add(String.valueOf(key), toJson(item)));
      return object.build();
    }
    if (value instanceof Iterable<?> items) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      items.forEach(item -> array.add(toJson(item)));
      return array.build();
    }
    return Json.createValue(String.valueOf(value));
  }

  /** A JSON-P value as a plain tree; integral numbers become longs, others BigDecimals. */
  public static Object toJava(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((key, item) -> map.put(key, toJava(item)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(item -> list.add(toJava(item)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> {
        JsonNumber number = (JsonNumber) value;
        yield number.isIntegral() && number.bigIntegerValue().bitLength() < 64
            ? (Object) number.longValue()
            : number.bigDecimalValue();
      }
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }
}
