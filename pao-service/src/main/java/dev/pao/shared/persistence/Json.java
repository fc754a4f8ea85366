package dev.pao.shared.persistence;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;

/** The one JSON-B instance used to store JSON documents in JSONB columns. */
final class Json {
  static final Jsonb JSONB = JsonbBuilder.create();

  private Json() {}

  static String write(Object value) {
    return JSONB.toJson(value);
  }

  static <T> T read(String json, Type type) {
    return JSONB.fromJson(json, type);
  }
}
