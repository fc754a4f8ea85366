package dev.pao.devctl.http;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text and values: parsing, pretty printing, and plain Java maps and lists both ways. */
public final class Jsons {
  private static final JsonWriterFactory PRETTY =
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private Jsons() {}

  public static JsonValue parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  public static String pretty(JsonValue value) {
    StringWriter text = new StringWriter();
    try (JsonWriter writer = PRETTY.createWriter(text)) {
      writer.write(value);
    }
    return text.toString().strip();
  }

  /** Maps, lists, strings, numbers, booleans and nulls of a JSON value. */
  public static Object toJava(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((key, member) -> map.put(key, toJava(member)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        value.asJsonArray().forEach(member -> list.add(toJava(member)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> {
        JsonNumber number = (JsonNumber) value;
        yield number.isIntegral() ? (Object) number.longValueExact() : number.doubleValue();
      }
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  /** The JSON value of plain Java maps, lists and scalars. */
  public static JsonValue fromJava(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Map<?, ?> map) {
      var object = Json.createObjectBuilder();
      map.forEach((key, member) -> object.add(String.valueOf(key), fromJava(member)));
      return object.build();
    }
    if (value instanceof List<?> list) {
      var array = Json.createArrayBuilder();
      list.forEach(member -> array.add(fromJava(member)));
      return array.build();
    }
    if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof java.math.BigInteger big) {
      return Json.createValue(big);
    }
    if (value instanceof Number number) {
      return Json.createValue(number.doubleValue());
    }
    return Json.createValue(String.valueOf(value));
  }

  /** A string member, or {@code fallback} when absent or not text. */
  public static String text(JsonObject object, String name, String fallback) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return fallback;
    }
    return value instanceof JsonString string ? string.getString() : value.toString();
  }

  /** An array member, or an empty array. */
  public static JsonArray array(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
  }

  /** An object member, or an empty object. */
  public static JsonObject object(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonObject member ? member : JsonValue.EMPTY_JSON_OBJECT;
  }
}
